/**
 * Where call transcripts come in over HTTP (docs/assist.md has example payloads):
 *   POST /api/assist/events          generic JSON events (API key, or the console's replay)
 *   POST /api/assist/amazon-connect  Contact Lens real-time segments (API key)
 *   POST /api/assist/genesys         Genesys Cloud transcription notifications (API key)
 *   POST /api/assist/twilio          Twilio real-time transcription callbacks (X-Twilio-Signature)
 * Each request is rate-limited per client, authenticated, and translated as a whole before
 * anything reaches the desk: a bad key or signature is 401 and a malformed payload 400 naming
 * the field, and in both cases nothing is stored. The three platform routes take the agent on
 * the call as the `agent` query parameter (their payloads name none; see platformAgent.ts).
 */
import type { Request, Response, Server } from "restify";
import { translateContactLens } from "../channels/assist/amazonConnect.js";
import type { AssistDesk } from "../channels/assist/deskTypes.js";
import { translateGenericEvents } from "../channels/assist/genericEvents.js";
import { translateGenesys } from "../channels/assist/genesysCloud.js";
import { agentFromQuery } from "../channels/assist/platformAgent.js";
import { TranscriptIntake } from "../channels/assist/transcriptIntake.js";
import { type Translation, withAgent } from "../channels/assist/translation.js";
import { translateTwilio } from "../channels/assist/twilioTranscription.js";
import type { Logger } from "../domain/logger.js";
import { type AssistAccessDeps, callerOf, ownOrigin, refuse } from "./assistAccess.js";
import { FormParams } from "./bodyReader.js";
import { type RateLimits, withinLimits } from "./rateLimits.js";
import { validTwilioSignature } from "./twilioSignature.js";

export const TWILIO_PATH = "/api/assist/twilio";

export interface AssistSourceDeps extends AssistAccessDeps {
  desk: AssistDesk;
  twilioAuthToken: string | undefined;
  limits: RateLimits;
  clientOf(req: Request): string;
  customerExists(customerId: string): Promise<boolean>;
  /** The application clock (ms), for platforms that send offsets rather than times. */
  receivedAt(): number;
  logger: Logger;
}

export function registerAssistSourceRoutes(server: Server, deps: AssistSourceDeps): void {
  const intake = new TranscriptIntake(deps.desk, deps.customerExists);
  const limited = (req: Request, res: Response) =>
    withinLimits(res, [[deps.limits.client, deps.clientOf(req), "from this client"]]);
  const accept = async (res: Response, source: string, translate: () => Translation): Promise<void> => {
    const answer = await intake.accept(source, translate);
    if (!answer.ok) return refuse(res, answer.status, answer.code, answer.message);
    res.header("cache-control", "no-store");
    res.send(200, answer.value);
  };

  server.post("/api/assist/events", async (req: Request, res: Response) => {
    if (!(await limited(req, res))) return;
    const caller = callerOf(req, res, deps, { console: true, changes: true });
    if (!caller) return;
    const source = caller.kind === "console" ? "console" : "events";
    await accept(res, source, () => translateGenericEvents(req.body, source));
  });

  server.post("/api/assist/amazon-connect", async (req: Request, res: Response) => {
    if (!(await limited(req, res))) return;
    if (!callerOf(req, res, deps, { console: false, changes: true })) return;
    await accept(res, "amazon-connect", () =>
      withAgent(translateContactLens(req.body, deps.receivedAt()), agentFromQuery(req.url, "connect")),
    );
  });

  server.post("/api/assist/genesys", async (req: Request, res: Response) => {
    if (!(await limited(req, res))) return;
    if (!callerOf(req, res, deps, { console: false, changes: true })) return;
    await accept(res, "genesys", () =>
      withAgent(translateGenesys(req.body, deps.receivedAt()), agentFromQuery(req.url, "genesys")),
    );
  });

  server.post(TWILIO_PATH, async (req: Request, res: Response) => {
    if (!(await limited(req, res))) return;
    if (!deps.twilioAuthToken)
      return refuse(res, 503, "TwilioOff", "the Twilio source is off: set FAIREXIT_TWILIO_AUTH_TOKEN");
    const form = req.body instanceof FormParams ? req.body : new FormParams([]);
    const url = `${ownOrigin(req, deps)}${req.url ?? TWILIO_PATH}`;
    if (!validTwilioSignature(deps.twilioAuthToken, req.header("x-twilio-signature"), url, form.pairs)) {
      deps.logger.warn({ route: TWILIO_PATH }, "Twilio callback refused: bad or missing X-Twilio-Signature");
      return refuse(res, 401, "BadSignature", "X-Twilio-Signature does not match this URL and body");
    }
    if (!(req.body instanceof FormParams))
      return refuse(res, 400, "BadPayload", "body: expected application/x-www-form-urlencoded parameters");
    await accept(res, "twilio", () =>
      withAgent(translateTwilio(form.first(), deps.receivedAt()), agentFromQuery(req.url, "twilio")),
    );
  });
}
