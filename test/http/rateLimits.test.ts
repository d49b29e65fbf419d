/**
 * Rate limits through the real HTTP server, with small configured values: token minting per
 * client, posting and starting per Direct Line conversation, POST /api/messages per channel
 * conversation, everything per client. Each refusal is 429 with Retry-After, and the server
 * still answers /healthz.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newConversationId } from "../../src/channels/directLine/directLineToken.js";
import { BotFrameworkChat } from "../support/botFrameworkChat.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

let server: RunningFairExit;
beforeAll(async () => {
  server = await aFairExitServer({
    FAIREXIT_RATE_LIMIT_PER_CLIENT: "100000",
    FAIREXIT_RATE_LIMIT_PER_CONVERSATION: "3",
    FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT: "3",
  });
});
afterAll(async () => server.close());

/** A Direct Line conversation with a token the server signed, without using the minting limit. */
function aConversation(s: RunningFairExit): DirectLineClient {
  const grant = { conversationId: newConversationId(), userId: "dl_rate" };
  const issued = s.app.directLine.tokens.issue(grant, s.app.clock.now().getTime());
  return new DirectLineClient(s.url, { ...grant, ...issued });
}

async function expectTooMany(res: Response, names: string) {
  expect(res.status).toBe(429);
  expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  expect(((await res.json()) as { error: { message: string } }).error.message).toContain(names);
}

describe("per client address", () => {
  it("mints a few Web Chat tokens, then answers 429 with Retry-After", async () => {
    const mint = () => fetch(`${server.url}/api/webchat/token`, { method: "POST" });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await mint()).status);
    expect(statuses).toEqual([200, 200, 200]);
    await expectTooMany(await mint(), "tokens");
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it("limits every request from one address across the limited routes", async () => {
    const tight = await aFairExitServer({ FAIREXIT_RATE_LIMIT_PER_CLIENT: "4" });
    try {
      const chat = aConversation(tight);
      await chat.start();
      await chat.post({ type: "message", text: "hello" });
      await new BotFrameworkChat(tight.url).joins();
      expect((await chat.request("POST", "/tokens/refresh")).status).toBe(200);
      await expectTooMany(await chat.request("POST", "/tokens/refresh"), "client");
      const bf = new BotFrameworkChat(tight.url);
      const posted = await fetch(`${tight.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(bf.activity({ type: "message", text: "hi" })),
      });
      await expectTooMany(posted, "client");
      expect((await fetch(`${tight.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${tight.url}/readyz`)).status).toBe(200);
    } finally {
      await tight.close();
    }
  });
});

describe("per conversation", () => {
  it("lets one Direct Line token start and post a few times, then answers 429; another conversation goes on", async () => {
    const chat = aConversation(server);
    await chat.start();
    await chat.post({ type: "message", text: "hello" });
    await chat.post({ type: "message", text: "I want to cancel" });
    const path = `/conversations/${chat.session.conversationId}/activities`;
    await expectTooMany(await chat.request("POST", path, { type: "message", text: "again" }), "conversation");
    await expectTooMany(await chat.request("POST", "/conversations"), "conversation");
    const other = aConversation(server);
    await other.start();
    expect((await other.says("hello")).length).toBeGreaterThan(0);
  });

  it("limits POST /api/messages per channel conversation", async () => {
    const chat = new BotFrameworkChat(server.url);
    await chat.joins();
    expect((await chat.send(chat.activity({ type: "message", text: "hi" }))).status).toBe(200);
    expect((await chat.send(chat.activity({ type: "message", text: "hi" }))).status).toBe(200);
    const res = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(chat.activity({ type: "message", text: "hi" })),
    });
    await expectTooMany(res, "conversation");
    expect((await new BotFrameworkChat(server.url).joins()).length).toBeGreaterThan(0);
  });
});
