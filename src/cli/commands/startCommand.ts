import type { Command } from "commander";
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";

export function registerStartCommand(program: Command): void {
  program
    .command("start")
    .description("start the FairExit server (embedded store and demo data unless configured otherwise)")
    .option("-p, --port <port>", "port to listen on (overrides PORT)")
    .action(async (opts: { port?: string }) => {
      const config = loadConfig(opts.port === undefined ? process.env : { ...process.env, PORT: opts.port });
      const app = await createApp(config);
      const { startServer } = await import("../../http/server.js");
      const running = await startServer(app);
      const stopDispatcher = app.startDispatcher();
      const lines = [
        `FairExit is running (${app.store.kind} store: ${config.store === "lowdb" ? config.dataDir : "in memory"})`,
        `  web chat    ${running.url}/`,
        `  bot         ${running.url}/api/messages${
          app.botFramework.authenticated
            ? " (Bot Framework auth on)"
            : "  ** DEVELOPMENT MODE: no authentication; set MicrosoftAppId before deploying **"
        }`,
        `  direct line ${running.url}/v3/directline${config.directLineSecret ? " (signed-in tokens on)" : ""}`,
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
