/**
 * The HTTP server (restify). Routes are added by the features; this file owns transport
 * concerns only: listening, body reading (bodyReader.ts), rate limits, health and readiness,
 * JSON errors with correlation ids, shutdown.
 */
import type { AddressInfo } from "node:net";
import restify from "restify";
import type { App } from "../app.js";
import type { AgentLogins } from "./agentLogin.js";
import { registerAlumniRoutes } from "./alumniRoutes.js";
import { agentLoginLink, agentLoginsFor, registerAssistRoutes, TWILIO_PATH } from "./assistRoutes.js";
import { closeStreamsOf } from "./assistStream.js";
import { readJsonBody } from "./bodyReader.js";
import type { LoginDestination } from "./consolePage.js";
import { registerDirectLineRoutes } from "./directLineRoutes.js";
import { registerHealthRoutes } from "./healthRoutes.js";
import { handleInternalErrors } from "./internalErrors.js";
import { clientAddress, type RateCheck, RateLimits, withinLimits } from "./rateLimits.js";
import { restifyLog } from "./restifyLog.js";
import { registerSupervisorDashboard } from "./supervisorDashboard.js";
import { registerWebChatRoutes } from "./webChatRoutes.js";

export interface RunningServer {
  url: string;
  server: restify.Server;
  /** A fresh one-time login link to the agent console (/agent), or to `next` (/supervisor). */
  agentLoginLink(next?: LoginDestination): string;
  close(): Promise<void>;
}

export interface ServerOptions {
  /**
   * The agent console's logins; default: keyed with FAIREXIT_SECRET, else a per-process key,
   * remembering used links in App.oneTimeTokens.
   */
  agentLogins?: AgentLogins;
}

/** Every request body, raw and decoded; a Direct Line activity has its own, smaller limit. */
export const BODY_LIMITS = { maxBytes: 256 * 1024, maxDepth: 32 };

export function buildServer(app: App, options: ServerOptions = {}): restify.Server {
  const log = app.logger.child({ component: "http" });
  const server = restify.createServer({
    name: "fairexit",
    handleUncaughtExceptions: false,
    log: restifyLog(log),
  });
  handleInternalErrors(server, log);
  // Slack signs the raw body (form or JSON): POST /slack/events is taken before the JSON reader.
  if (app.slack) server.pre(app.slack.preHandler);
  server.use(restify.plugins.queryParser());
  server.use(readJsonBody({ ...BODY_LIMITS, formPaths: new Set([TWILIO_PATH]) }));

  const limits = new RateLimits(app.config.rateLimits, app.rateBuckets);
  const clientOf = (req: restify.Request) => clientAddress(req, app.config.trustProxy);
  registerHealthRoutes(server, {
    readiness: app.readiness,
    adminToken: app.config.adminToken,
    metrics: app.metrics,
  });
  server.post("/api/messages", async (req, res) => {
    const conversation = (req.body as { conversation?: { id?: unknown } } | undefined)?.conversation?.id;
    const checks: RateCheck[] = [[limits.client, clientOf(req), "from this client"]];
    if (typeof conversation === "string")
      checks.push([limits.conversation, `bf:${conversation}`, "in this conversation"]);
    if (await withinLimits(res, checks)) await app.botFramework.process(req, res);
  });
  registerDirectLineRoutes(server, {
    ...app.directLine,
    secret: app.config.directLineSecret,
    limits,
    clientOf,
    customerExists: async (id) => (await app.store.customers.get(id)) !== undefined,
    now: () => app.clock.now().getTime(),
    logger: app.logger.child({ component: "directline" }),
  });
  registerWebChatRoutes(server, { trustProxy: app.config.trustProxy });
  const logins = options.agentLogins ?? agentLoginsFor(app.config.secret, app.oneTimeTokens);
  registerAssistRoutes(server, app, { logins, limits, clientOf });
  registerAlumniRoutes(server, app, { limits, clientOf });
  registerSupervisorDashboard(server, app, logins);
  return server;
}

export async function startServer(app: App, options: ServerOptions = {}): Promise<RunningServer> {
  const logins = options.agentLogins ?? agentLoginsFor(app.config.secret, app.oneTimeTokens);
  const server = buildServer(app, { agentLogins: logins });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(app.config.port, app.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${app.config.host}:${port}`;
  return {
    url,
    server,
    agentLoginLink: (next) =>
      agentLoginLink(logins, app.config.assistHttp.publicUrl ?? url, Date.now(), next),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        closeStreamsOf(server.server);
      }),
  };
}
