/**
 * The HTTP server (restify). Routes are added by the features; this file owns transport
 * concerns only: listening, health and readiness, JSON errors, shutdown.
 */
import type { AddressInfo } from "node:net";
import restify from "restify";
import type { App } from "../app.js";
import { runReadiness } from "../domain/readiness.js";
import { registerDirectLineRoutes } from "./directLineRoutes.js";
import { registerWebChatRoutes } from "./webChatRoutes.js";

export interface RunningServer {
  url: string;
  server: restify.Server;
  close(): Promise<void>;
}

export function buildServer(app: App): restify.Server {
  const server = restify.createServer({ name: "fairexit", handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1_000_000 }));

  server.get("/healthz", async (_req, res) => {
    res.send(200, { status: "ok" });
  });
  server.get("/readyz", async (_req, res) => {
    const report = await runReadiness(app.readiness);
    res.send(report.ready ? 200 : 503, report);
  });
  server.post("/api/messages", async (req, res) => {
    await app.botFramework.process(req, res);
  });
  registerDirectLineRoutes(server, {
    ...app.directLine,
    secret: app.config.directLineSecret,
    customerExists: async (id) => (await app.store.customers.get(id)) !== undefined,
    now: () => app.clock.now().getTime(),
    logger: app.logger.child({ component: "directline" }),
  });
  registerWebChatRoutes(server);
  server.on("restifyError", (req, _res, err, next) => {
    app.logger.warn({ method: req.method, path: req.path(), err: err.message }, "request failed");
    return next();
  });
  return server;
}

export async function startServer(app: App): Promise<RunningServer> {
  const server = buildServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(app.config.port, app.config.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${app.config.host}:${port}`,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
