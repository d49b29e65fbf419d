/**
 * POST /api/messages at the edge: in development mode (no MicrosoftAppId) replies go only to
 * loopback or listed service URLs and a connector that never answers does not hold the request;
 * with an app id, a forged token that cannot be checked (Microsoft's signing keys unreachable,
 * as here) is a clean 503 with Retry-After, never a 500, and nothing reaches the bot.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotFrameworkChat } from "../support/botFrameworkChat.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

const post = (url: string, activity: Record<string, unknown>, headers: Record<string, string> = {}) =>
  fetch(`${url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(activity),
  });

describe("development mode", () => {
  let server: RunningFairExit;
  beforeAll(async () => {
    server = await aFairExitServer({ FAIREXIT_DEV_SERVICE_URLS: "https://dev-connector.example.test" });
  });
  afterAll(async () => server.close());

  it("refuses a serviceUrl that is neither loopback nor listed, with 400 naming it, before the bot", async () => {
    for (const serviceUrl of ["http://203.0.113.7:9/", "https://attacker.example/", "file:///etc/passwd"]) {
      const chat = new BotFrameworkChat(server.url);
      const activity = chat.activity({ type: "message", text: "I want to cancel", serviceUrl });
      delete activity.deliveryMode;
      const res = await post(server.url, activity);
      expect(res.status, serviceUrl).toBe(400);
      expect(await res.text(), serviceUrl).toContain("serviceUrl");
    }
    expect(await server.app.store.conversations.list()).toEqual([]);
  });

  it("accepts a listed origin and loopback", async () => {
    const listed = new BotFrameworkChat(server.url);
    const res = await post(
      server.url,
      listed.activity({ type: "message", text: "hi", serviceUrl: "https://dev-connector.example.test/x/" }),
    );
    expect(res.status).toBe(200);
    expect((await new BotFrameworkChat(server.url).joins()).length).toBeGreaterThan(0);
  });

  it("answers the request even when the loopback connector never answers the replies", async () => {
    const silent: Server = createServer(() => {}); // accepts, never responds
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", () => r()));
    try {
      const { port } = silent.address() as AddressInfo;
      const chat = new BotFrameworkChat(server.url);
      const activity = chat.activity({
        type: "message",
        text: "hi",
        serviceUrl: `http://127.0.0.1:${port}/`,
      });
      delete activity.deliveryMode;
      const res = await post(server.url, activity);
      expect(res.status).toBe(200);
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      silent.closeAllConnections();
      silent.close();
    }
  }, 25_000);
});

describe("with MicrosoftAppId configured", () => {
  const APP_ID = "00000000-1111-2222-3333-444444444444";
  let secured: RunningFairExit;
  beforeAll(async () => {
    secured = await aFairExitServer({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: "not-a-real-password" });
  });
  afterAll(async () => secured.close());

  /** A JWT shaped like a Bot Connector token, signed with nothing Microsoft knows. */
  function forgedToken(): string {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: "RS256", typ: "JWT", kid: "forged-key-id", x5t: "forged-key-id" };
    const claims = {
      iss: "https://api.botframework.com",
      aud: APP_ID,
      serviceurl: "https://smba.trafficmanager.net/emea/",
      nbf: now - 60,
      exp: now + 3600,
    };
    return `${b64(header)}.${b64(claims)}.${Buffer.from("not a signature").toString("base64url")}`;
  }

  it("answers a forged token it cannot check with 503 and Retry-After, and nothing reaches the bot", async () => {
    const chat = new BotFrameworkChat(secured.url, "msteams");
    const activity = chat.activity({
      type: "message",
      text: "I want to cancel",
      serviceUrl: "https://smba.trafficmanager.net/emea/",
    });
    const res = await post(secured.url, activity, { authorization: `Bearer ${forgedToken()}` });
    expect(res.status).toBe(503);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await res.text()).not.toMatch(/ENOTFOUND|botframework\.com|at /);
    expect(await secured.app.store.conversations.list()).toEqual([]);
    expect((await fetch(`${secured.url}/healthz`)).status).toBe(200);
  });

  it("still answers a token from an unknown issuer with 401", async () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const token = `${b64({ alg: "RS256", kid: "k" })}.${b64({ iss: "https://evil.example", aud: APP_ID })}.c2ln`;
    const chat = new BotFrameworkChat(secured.url, "msteams");
    const res = await post(secured.url, chat.activity({ type: "message", text: "hi" }), {
      authorization: `Bearer ${token}`,
    });
    expect(res.status).toBe(401);
  });
});
