/**
 * Agent assist over HTTP, registered with one call from server.ts: the transcript sources
 * (assistSourceRoutes.ts), the view as data and the agent's actions (assistSessionRoutes.ts),
 * the server-sent event streams (assistStream.ts) and the built-in console with its login
 * (agentConsoleRoutes.ts, agentLogin.ts). docs/assist.md describes them for integrators.
 */
import { randomBytes } from "node:crypto";
import type { Request, Server } from "restify";
import type { App } from "../app.js";
import type { AssistDesk } from "../channels/assist/deskTypes.js";
import type { Logger } from "../domain/logger.js";
import type { OneTimeTokens } from "../domain/oneTimeTokens.js";
import { registerAgentConsoleRoutes } from "./agentConsoleRoutes.js";
import { AgentLogins } from "./agentLogin.js";
import type { AssistAccessDeps } from "./assistAccess.js";
import { registerAssistSessionRoutes } from "./assistSessionRoutes.js";
import { registerAssistSourceRoutes } from "./assistSourceRoutes.js";
import { type StreamLimits, trackStreams, ViewStreams } from "./assistStream.js";
import type { LoginDestination } from "./consolePage.js";
import type { RateLimits } from "./rateLimits.js";

export { TWILIO_PATH } from "./assistSourceRoutes.js";

export interface AssistRouteDeps {
  desk: AssistDesk;
  config: App["config"]["assistHttp"];
  trustProxy: boolean;
  logins: AgentLogins;
  limits: RateLimits;
  clientOf(req: Request): string;
  customerExists(customerId: string): Promise<boolean>;
  /** The customer id for an account number or a customer id. */
  findCustomer(account: string): Promise<string | undefined>;
  /** Wall-clock time (ms) for console logins, which `fairexit agent-link` mints too. */
  now(): number;
  /** The application clock (ms), for when a transcript arrived. */
  receivedAt(): number;
  logger: Logger;
  streamLimits?: StreamLimits;
}

/** Registers every assist route on `server`, served by the composed App; returns the streams. */
export function registerAssistRoutes(
  server: Server,
  app: App,
  http: { logins: AgentLogins; limits: RateLimits; clientOf(req: Request): string },
): ViewStreams {
  const customers = app.store.customers;
  return registerAssistRoutesWith(server, {
    ...http,
    desk: app.assist,
    config: app.config.assistHttp,
    trustProxy: app.config.trustProxy,
    customerExists: async (id) => (await customers.get(id)) !== undefined,
    findCustomer: async (account) =>
      ((await customers.get(account)) ?? (await customers.findByAccountNumber(account)))?.id,
    now: () => Date.now(),
    receivedAt: () => app.clock.now().getTime(),
    logger: app.logger.child({ component: "assist-http" }),
  });
}

export function registerAssistRoutesWith(server: Server, deps: AssistRouteDeps): ViewStreams {
  const access: AssistAccessDeps = {
    apiKey: deps.config.apiKey,
    logins: deps.logins,
    publicUrl: deps.config.publicUrl,
    trustProxy: deps.trustProxy,
    now: deps.now,
  };
  const streams = new ViewStreams(deps.desk, deps.streamLimits);
  trackStreams(server.server, streams);
  registerAssistSourceRoutes(server, {
    ...access,
    desk: deps.desk,
    twilioAuthToken: deps.config.twilioAuthToken,
    limits: deps.limits,
    clientOf: deps.clientOf,
    customerExists: deps.customerExists,
    receivedAt: deps.receivedAt,
    logger: deps.logger,
  });
  registerAssistSessionRoutes(server, {
    ...access,
    desk: deps.desk,
    streams,
    findCustomer: deps.findCustomer,
  });
  registerAgentConsoleRoutes(server, access);
  return streams;
}

/**
 * The console's logins, keyed with the deployment's secret when there is one (FAIREXIT_SECRET,
 * or the data folder's, passed in by `fairexit start`), else with a key drawn for this process.
 * `redeemed` (App.oneTimeTokens) remembers used links; without it the logins only issue links.
 */
export const agentLoginsFor = (secret: string | undefined, redeemed?: OneTimeTokens): AgentLogins =>
  new AgentLogins(secret ?? randomBytes(32).toString("base64url"), redeemed);

/** The one-time console login link for a server reachable at `baseUrl`; `next` is the page it opens. */
export const agentLoginLink = (
  logins: AgentLogins,
  baseUrl: string,
  nowMs: number,
  next: LoginDestination = "/agent",
): string =>
  `${baseUrl.replace(/\/+$/, "")}/agent/login?token=${logins.issueLoginToken(nowMs)}${next === "/agent" ? "" : `&next=${next}`}`;
