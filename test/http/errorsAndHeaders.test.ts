/**
 * What the HTTP edge tells a caller and what it logs: a failure inside FairExit is a generic
 * 500 with a correlation id (the log line with the details has the same id, and no caller's
 * token); pages carry frame, permissions and (over TLS) HSTS headers; token responses are never
 * cached; /readyz says only ready or not unless the operator's admin token is sent.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/adapters/logging/pinoLogger.js";
import { createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { startServer } from "../../src/http/server.js";
import { DirectLineClient, type DirectLineSession } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import { repoRoot } from "../support/runFairexit.js";

const ADMIN_TOKEN = "an-operator-admin-token-of-32-characters-or-more";

describe("a failure inside FairExit (no valid policy loaded)", () => {
  let emptyPolicies: string;
  const logLines: string[] = [];
  let url: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    emptyPolicies = await mkdtemp(join(tmpdir(), "fairexit-no-policy-"));
    const config = loadConfig(
      {
        FAIREXIT_STORE: "memory",
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
        FAIREXIT_SECRET: "test-secret-for-the-channel-tests",
        FAIREXIT_POLICY_DIR: emptyPolicies,
      },
      repoRoot,
    );
    const logger = createLogger(
      { level: "info", logPii: false },
      { write: (line: string) => void logLines.push(line) },
    );
    const app = await createApp(config, { logger });
    const running = await startServer(app);
    url = running.url;
    close = async () => {
      await running.close();
      await app.close();
      await rm(emptyPolicies, { recursive: true, force: true });
    };
  });
  afterAll(async () => close());

  it("answers /readyz without restify warning about the handler (the public and the refused answers alike)", async () => {
    const pub = await fetch(`${url}/readyz`);
    expect(pub.status).toBe(503);
    const wrong = await fetch(`${url}/readyz`, { headers: { authorization: "Bearer not-the-token" } });
    expect(wrong.status).toBe(401);
    expect(logLines.join("")).not.toContain("Discarded returned value");
  });

  it("answers 500 with a generic message and a correlation id, and logs the details under that id", async () => {
    const chat = await DirectLineClient.anonymous(url);
    const res = await chat.request("POST", `/conversations/${chat.session.conversationId}/activities`, {
      type: "message",
      text: "I want to cancel",
    });
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain(emptyPolicies);
    expect(text).not.toMatch(/policy|Error:/);
    const body = JSON.parse(text) as { error: { code: string; correlationId: string } };
    expect(body.error.code).toBe("InternalError");
    expect(res.headers.get("x-correlation-id")).toBe(body.error.correlationId);
    const logged = logLines.filter((l) => l.includes(body.error.correlationId));
    expect(logged.join("\n")).toContain(emptyPolicies);
    expect(logLines.join("\n")).not.toContain(chat.session.token.split(".")[2]);
  });
});

describe("headers", () => {
  let server: RunningFairExit;
  let behindProxy: RunningFairExit;
  beforeAll(async () => {
    server = await aFairExitServer();
    behindProxy = await aFairExitServer({ FAIREXIT_TRUST_PROXY: "true" });
  });
  afterAll(async () => {
    await server.close();
    await behindProxy.close();
  });

  it("the page forbids framing and unused browser features, with HSTS only over TLS", async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("permissions-policy")).toContain("camera=()");
    expect(res.headers.get("strict-transport-security")).toBeNull();
    const claimed = await fetch(`${server.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(claimed.headers.get("strict-transport-security")).toBeNull(); // proxy not trusted
    const proxied = await fetch(`${behindProxy.url}/`, { headers: { "x-forwarded-proto": "https" } });
    expect(proxied.headers.get("strict-transport-security")).toMatch(/^max-age=\d+/);
  });

  it("every response that carries a token says Cache-Control: no-store", async () => {
    const minted = await fetch(`${server.url}/api/webchat/token`, { method: "POST" });
    expect(minted.headers.get("cache-control")).toBe("no-store");
    const chat = new DirectLineClient(server.url, (await minted.json()) as DirectLineSession);
    const started = await chat.request("POST", "/conversations");
    expect(started.headers.get("cache-control")).toBe("no-store");
    const refreshed = await chat.request("POST", "/tokens/refresh");
    expect(refreshed.headers.get("cache-control")).toBe("no-store");
  });
});

describe("/readyz", () => {
  it("tells the public only whether the server is ready, not its customers or folders", async () => {
    const server = await aFairExitServer({ FAIREXIT_ADMIN_TOKEN: ADMIN_TOKEN });
    try {
      const pub = await fetch(`${server.url}/readyz`);
      expect(pub.status).toBe(200);
      const body = (await pub.json()) as Record<string, unknown>;
      expect(body.ready).toBe(true);
      expect(body.checks).toBeUndefined();
      expect(JSON.stringify(body)).not.toMatch(/customers|policies/);
      const wrong = await fetch(`${server.url}/readyz`, {
        headers: { authorization: "Bearer not-the-token" },
      });
      expect(wrong.status).toBe(401);
      const admin = await fetch(`${server.url}/readyz`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(admin.status).toBe(200);
      expect(await admin.json()).toMatchObject({
        ready: true,
        checks: expect.arrayContaining([expect.objectContaining({ name: "store", ok: true })]),
      });
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it("says the details are not served over HTTP when FAIREXIT_ADMIN_TOKEN is unset", async () => {
    const server = await aFairExitServer();
    try {
      const pub = (await (await fetch(`${server.url}/readyz`)).json()) as { details: string };
      expect(pub.details).toContain("FAIREXIT_ADMIN_TOKEN is not set");
      const tried = await fetch(`${server.url}/readyz`, {
        headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
      });
      expect(tried.status).toBe(401);
    } finally {
      await server.close();
    }
  });
});
