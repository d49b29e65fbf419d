/**
 * FairExit's real HTTP server in this process, as a deployment runs it (composition root,
 * restify, every route), on a free port with the memory store, the demo customers and a clock
 * fixed at the demo date. `env` adds or overrides environment variables.
 */
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { startServer } from "../../src/http/server.js";
import { repoRoot } from "./runFairexit.js";

export interface RunningFairExit {
  url: string;
  app: App;
  close(): Promise<void>;
}

export async function aFairExitServer(env: Record<string, string> = {}): Promise<RunningFairExit> {
  const config = loadConfig(
    {
      FAIREXIT_STORE: "memory",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
      FAIREXIT_SECRET: "test-secret-for-the-channel-tests",
      ...env,
    },
    repoRoot,
  );
  const app = await createApp(config);
  const running = await startServer(app);
  return {
    url: running.url,
    app,
    async close() {
      await running.close();
      await app.close();
    },
  };
}
