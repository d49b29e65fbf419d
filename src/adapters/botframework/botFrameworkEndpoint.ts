/**
 * POST /api/messages through botbuilder's CloudAdapter. With an app id, every request must
 * carry a valid Bot Framework token (the adapter answers 401 otherwise and the bot never sees
 * the activity); without one, the endpoint runs in development mode with no authentication,
 * replies only to loopback (or listed) service URLs, and gives up on a reply after a few seconds.
 */
import {
  type Activity,
  ConfigurationBotFrameworkAuthentication,
  type Request,
  type Response,
  type TurnContext,
} from "botbuilder";
import type { ConversationEngine } from "../../bot/conversationEngine.js";
import { ActivityEnvelope, pickEnvelope } from "../../channels/activity.js";
import { engineConversationId, respondToActivity } from "../../channels/respondToActivity.js";
import type { Logger } from "../../domain/logger.js";
import { CheckedActivityAdapter } from "./checkedActivityAdapter.js";
import { devServiceUrlProblem } from "./devServiceUrls.js";
import { ReusedClientsAuthentication } from "./reusedClientsAuthentication.js";
import { createTeamsAssist, type TeamsAssist, type TeamsAssistOptions } from "./teamsAssist.js";

export interface BotFrameworkEndpoint {
  /** False in development mode (no MicrosoftAppId): requests are not authenticated. */
  readonly authenticated: boolean;
  process(req: Request, res: Response): Promise<void>;
  /** Agent assist for the listed Teams agents (teamsAssist.ts); undefined when none are listed. */
  readonly assist: TeamsAssist | undefined;
}

export interface BotFrameworkEndpointOptions {
  /** Development mode: service URLs besides loopback that replies may be POSTed to. */
  devServiceUrls?: readonly string[];
  /** Development mode: how long a reply POST to the serviceUrl may take. */
  devReplyTimeoutMs?: number;
  /** Agent assist: activities from these agents go to the desk, never to the customer bot. */
  assist?: TeamsAssistOptions;
}

const SORRY =
  "Sorry, something went wrong on our side and nothing was changed. Please try again, or say 'person' to talk to a person.";

/** The Azure Bot registration to authenticate against; `src/config.ts` parses it (`Config["botFramework"]`). */
export interface BotFrameworkSettings {
  appId: string;
  /** Holds the client secret: never log it. */
  appPassword: string | undefined;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId: string | undefined;
}

export function createBotFrameworkEndpoint(
  engine: ConversationEngine,
  config: BotFrameworkSettings | undefined,
  logger: Logger,
  options: BotFrameworkEndpointOptions = {},
): BotFrameworkEndpoint {
  const devReplyTimeoutMs = config ? undefined : (options.devReplyTimeoutMs ?? 3_000);
  const auth = new ReusedClientsAuthentication(
    new ConfigurationBotFrameworkAuthentication(
      config
        ? {
            MicrosoftAppId: config.appId,
            MicrosoftAppPassword: config.appPassword,
            MicrosoftAppType: config.appType,
            MicrosoftAppTenantId: config.tenantId,
          }
        : {},
    ),
    256,
    devReplyTimeoutMs,
  );
  const adapter = new CheckedActivityAdapter(auth);
  adapter.onTurnError = async (context, error) => {
    logger.error(
      { err: error.message, channel: context.activity.channelId, activityType: context.activity.type },
      "bot turn failed",
    );
    try {
      await context.sendActivity(SORRY);
    } catch (e) {
      // The channel cannot be reached either (its serviceUrl): the turn ends here, logged.
      logger.warn({ err: (e as Error).message }, "could not tell the customer the turn failed");
    }
  };

  const assist = options.assist
    ? createTeamsAssist(adapter, config?.appId ?? "", options.assist, logger)
    : undefined;
  const logic = async (context: TurnContext): Promise<void> => {
    if (assist && (await assist.handle(context))) return;
    const activity = context.activity;
    const replies = await respondToActivity(engine, activity, {
      conversationId: engineConversationId(activity.channelId, activity.conversation.id),
      channel: activity.channelId,
      botId: activity.recipient?.id,
    });
    if (replies.length > 0) await context.sendActivities(replies as Partial<Activity>[]);
  };

  const failed = (error: Error, status: number) =>
    logger.warn({ status, err: error.message }, "Bot Framework request refused or failed");

  return {
    authenticated: config !== undefined,
    assist,
    async process(req, res) {
      if (config && !/^Bearer\s+\S+/i.test(String(req.headers.authorization ?? ""))) {
        // botbuilder would refuse it too, but only after authenticating a token that is not there.
        res.status(401);
        res.send({ error: { code: "Unauthorized", message: "expected a Bot Framework bearer token" } });
        res.end();
        return;
      }
      const envelope = ActivityEnvelope.safeParse(pickEnvelope(req.body));
      if (!envelope.success) {
        const issue = envelope.error.issues[0]!;
        const field = issue.path.join(".") || "body";
        res.status(400);
        res.send({ error: { code: "BadArgument", message: `${field}: ${issue.message}` } });
        res.end();
        return;
      }
      const urlProblem = config
        ? null
        : devServiceUrlProblem(envelope.data.serviceUrl, options.devServiceUrls ?? []);
      if (urlProblem) {
        res.status(400);
        res.send({ error: { code: "BadArgument", message: urlProblem } });
        res.end();
        return;
      }
      await adapter.processChecked(
        req.body as Record<string, unknown>,
        String(req.headers.authorization ?? ""),
        res,
        logic,
        failed,
      );
    },
  };
}
