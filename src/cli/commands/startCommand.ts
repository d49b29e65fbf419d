import type { Command } from "commander";
import { databaseOf } from "../../adapters/postgres/pgStore.js";
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { consoleSecret } from "./agentLinkCommand.js";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("start the FairExit server (embedded store and demo data unless configured otherwise)")
    .option("-p, --port <port>", "port to listen on (overrides PORT)")
    .action(async (opts: { port?: string }) => {
      const config = loadConfig(opts.port === undefined ? process.env : { ...process.env, PORT: opts.port });
      const app = await createApp(config);
      const { startServer } = await import("../../http/server.js");
      const { agentLoginsFor } = await import("../../http/assistRoutes.js");
      // lowdb: the data folder's secret exists now (createApp made it), so agent-link can sign too
      const running = await startServer(app, {
        agentLogins: agentLoginsFor(consoleSecret(config), app.oneTimeTokens),
      });
      const stopDispatcher = app.startDispatcher();
      const lines = [
        // PostgreSQL: host, port, database and user, never the password
        `FairExit is running (${app.store.kind} store: ${databaseOf(app.store)?.where ?? (config.store === "lowdb" ? config.dataDir : "in memory")})`,
        `  web chat    ${running.url}/`,
        `  bot         ${running.url}/api/messages${
          app.botFramework.authenticated
            ? " (Bot Framework auth on)"
            : "  ** DEVELOPMENT MODE: no authentication; set MicrosoftAppId before deploying **"
        }`,
        `  direct line ${running.url}/v3/directline${config.directLineSecret ? " (signed-in tokens on)" : ""}`,
        `  agent       ${running.agentLoginLink()}`,
        "              (one-time console login, valid 15 min; a new one: fairexit agent-link)",
        `  supervisor  ${running.agentLoginLink("/supervisor")}`,
        "              (the dashboard, same login; a new one: fairexit agent-link --next /supervisor)",
        `  health      ${running.url}/healthz`,
        `  readiness   ${running.url}/readyz`,
        `  policies    ${config.policyDir}`,
        `  clock       ${config.clockStart ? `started at ${config.clockStart.toISOString()}` : "system time"}`,
        "Press Ctrl-C to stop.",
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
      app.logger.info({ url: running.url, store: app.store.kind }, "server started");

      let stopping = false;
      const stop = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        app.logger.info({ signal }, "shutting down");
        stopDispatcher();
        await running.close();
        await app.close();
        process.stdout.write("FairExit stopped; the store is flushed.\n");
        process.exit(0);
      };
      process.once("SIGINT", () => void stop("SIGINT"));
      process.once("SIGTERM", () => void stop("SIGTERM"));
    });
}
