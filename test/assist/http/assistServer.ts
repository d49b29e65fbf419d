/**
 * FairExit's real server for the assist HTTP tests: composition root, restify, every route, the
 * memory store with the demo customers, a clock at the demo date, and the assist API key and
 * Twilio auth token set. `loginLink()` mints a console login link as the start banner does.
 */
import { type App, createApp } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { startServer } from "../../../src/http/server.js";
import { repoRoot } from "../../support/runFairexit.js";

export const API_KEY = "assist-test-key-0123456789abcdef0123456789";
export const TWILIO_TOKEN = "twilio-auth-token-0123456789abcdef";

export interface AssistServer {
  url: string;
  app: App;
  loginLink(): string;
  close(): Promise<void>;
}

export async function anAssistServer(env: Record<string, string> = {}): Promise<AssistServer> {
  const config = loadConfig(
    {
      FAIREXIT_STORE: "memory",
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
      FAIREXIT_SECRET: "test-secret-for-the-assist-http-tests",
      FAIREXIT_ASSIST_API_KEY: API_KEY,
      FAIREXIT_TWILIO_AUTH_TOKEN: TWILIO_TOKEN,
      ...env,
    },
    repoRoot,
  );
  const app = await createApp(config);
  const running = await startServer(app);
  return {
    url: running.url,
    app,
    loginLink: () => running.agentLoginLink(),
    async close() {
      await running.close();
      await app.close();
    },
  };
}

/** A parsed JSON answer, as loose as the tests read it. */
// biome-ignore lint/suspicious/noExplicitAny: tests read answers field by field and assert on them
export type Json = any;

export const withKey = (extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${API_KEY}`,
  "content-type": "application/json",
  ...extra,
});

/** POSTs JSON with the API key; answers status and parsed body. */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = withKey(),
): Promise<{ status: number; body: Json }> {
  const res = await fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

export async function getJson(url: string, headers: Record<string, string> = withKey()) {
  const res = await fetch(url, { headers });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
