/**
 * FairExit's own Direct Line 3.0 endpoint, as Web Chat uses it: a token per conversation, the
 * greeting on start, posting and polling with a watermark, and a signed-in website's token
 * that the bot trusts instead of asking for an account number and postcode.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectLineTokens } from "../../src/channels/directLine/directLineToken.js";
import { DirectLineClient, type DirectLineSession } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

const SITE_SECRET = "the-website-backend-shares-this-secret-0123456789";
let server: RunningFairExit;
beforeAll(async () => {
  server = await aFairExitServer({ FAIREXIT_DIRECTLINE_SECRET: SITE_SECRET });
});
afterAll(async () => server.close());

const mintForCustomer = (body: unknown, secret = SITE_SECRET) =>
  fetch(`${server.url}/api/directline/tokens`, {
    method: "POST",
    headers: { authorization: `Bearer ${secret}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });

describe("an anonymous Web Chat visitor", () => {
  it("is greeted as soon as the conversation starts, and asked who they are", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    const greeting = await chat.poll();
    expect(greeting.map((a) => a.text)).toEqual([
      expect.stringContaining("a bot, not a person"),
      expect.stringContaining("account number"),
    ]);
    expect(greeting.every((a) => a.from.role === "bot")).toBe(true);
  });

  it("leaves nothing in the store until they write, and then the transcript starts with the greeting", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    await chat.poll();
    const stored = () => server.app.store.conversations.get(chat.session.conversationId);
    expect(await stored()).toBeUndefined();
    const replies = await chat.says("UK318826");
    expect(replies.map((a) => a.text).join("\n")).not.toContain("a bot, not a person"); // not said twice
    const transcript = (await stored())?.turns.map((t) => `${t.speaker}: ${t.text}`) ?? [];
    expect(transcript.slice(0, 3)).toEqual([
      expect.stringMatching(/^bot: .*a bot, not a person/),
      expect.stringMatching(/^bot: .*account number/),
      "customer: UK318826",
    ]);
  });

  it("sees their own message echoed, then the bot's replies to it, and nothing twice", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    await chat.poll();
    const id = await chat.post({
      type: "message",
      text: "UK318826",
      channelData: { clientActivityID: "c-1" },
    });
    const next = await chat.poll();
    expect(next[0]).toMatchObject({ id, text: "UK318826", from: { role: "user", id: chat.session.userId } });
    expect(next[0]?.channelData?.clientActivityID).toBe("c-1");
    expect(next.slice(1).map((a) => a.replyToId)).toEqual(next.slice(1).map(() => id));
    expect(next.at(-1)?.text).toContain("postcode");
    expect(await chat.poll()).toEqual([]);
  });

  it("can cancel end to end, pressing the card buttons as Web Chat posts them", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    await chat.poll();
    for (const line of ["I want to cancel", "UK481207", "LS6 3HN", "you put the price up", "continue"])
      await chat.says(line);
    let last = chat.seen.at(-1);
    if (last?.channelData?.fairexit?.expecting === "offer") {
      await chat.post({ type: "message", value: { reply: "No thanks, cancel" } });
      await chat.poll();
    }
    const confirm = chat.seen
      .flatMap((a) => a.attachments ?? [])
      .flatMap((a) => a.content.actions ?? [])
      .find((a) => a.title === "Confirm cancellation");
    expect(confirm).toBeDefined();
    const replies = await (async () => {
      await chat.post({ type: "message", value: confirm!.data });
      return (await chat.poll()).filter((a) => a.from.role === "bot");
    })();
    expect(replies.map((a) => a.text).join("\n")).toMatch(/Cancellation confirmed\. Your reference is FX-/);
    last = replies.find((a) => a.channelData?.fairexit?.stage === "receipt" || a.attachments);
    expect(last).toBeDefined();
  });

  it("cannot read or post to another conversation with its token", async () => {
    const mine = await DirectLineClient.anonymous(server.url);
    const theirs = await DirectLineClient.anonymous(server.url);
    await theirs.start();
    const path = `/conversations/${theirs.session.conversationId}/activities`;
    expect((await mine.request("GET", path)).status).toBe(403);
    expect((await mine.request("POST", path, { type: "message", text: "hello" })).status).toBe(403);
    expect((await mine.request("GET", `/conversations/${theirs.session.conversationId}`)).status).toBe(403);
  });

  it("is refused without a token, with a forged one, or with an expired one", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    const path = `/conversations/${chat.session.conversationId}/activities`;
    const noToken = await fetch(`${server.url}/v3/directline${path}`);
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toEqual({ error: { code: "MissingToken", message: expect.any(String) } });
    const [v, payload] = chat.session.token.split(".");
    expect((await chat.request("GET", path, undefined, `${v}.${payload}.forged`)).status).toBe(401);
    const otherKey = new DirectLineTokens("another-deployment-secret").issue(
      { conversationId: chat.session.conversationId, userId: chat.session.userId },
      server.app.clock.now().getTime(),
    );
    expect((await chat.request("GET", path, undefined, otherKey.token)).status).toBe(401);
    const expired = new DirectLineTokens("test-secret-for-the-channel-tests").issue(
      { conversationId: chat.session.conversationId, userId: chat.session.userId },
      server.app.clock.now().getTime() - 31 * 60_000,
    );
    const late = await chat.request("GET", path, undefined, expired.token);
    expect(late.status).toBe(403);
    expect(((await late.json()) as { error: { code: string } }).error.code).toBe("TokenExpired");
  });

  it("refreshes its token for the same conversation", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    const res = await chat.request("POST", "/tokens/refresh");
    expect(res.status).toBe(200);
    const refreshed = (await res.json()) as DirectLineSession;
    expect(refreshed.conversationId).toBe(chat.session.conversationId);
    const again = new DirectLineClient(server.url, { ...chat.session, token: refreshed.token });
    await again.start();
    expect((await again.poll()).length).toBeGreaterThan(0);
  });

  it("gets a clear error for what Direct Line offers and FairExit does not (attachments)", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    const res = await chat.request("POST", `/conversations/${chat.session.conversationId}/upload`);
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain("attachments are not supported");
  });
});

describe("a customer the website has already signed in", () => {
  it("is not asked for an account number: the bot trusts the identity the token carries", async () => {
    const res = await mintForCustomer({ customerId: "cust-uk-locked-handset" });
    expect(res.status).toBe(200);
    const chat = new DirectLineClient(server.url, (await res.json()) as DirectLineSession);
    await chat.start();
    const opening = (await chat.poll()).map((a) => a.text).join("\n");
    expect(opening).not.toContain("account number");
    expect(opening).toMatch(/Sophie|found your account|signed in/i);
  });

  it("needs the website's secret, a known customer and a well-formed request", async () => {
    expect((await mintForCustomer({ customerId: "cust-uk-locked-handset" }, "wrong-secret")).status).toBe(
      401,
    );
    const unknown = await mintForCustomer({ customerId: "cust-nobody" });
    expect(unknown.status).toBe(404);
    const bad = await mintForCustomer({ customer: "cust-uk-locked-handset" });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/customerId|customer/);
  });

  it("cannot be minted at all when no secret is configured", async () => {
    const plain = await aFairExitServer();
    try {
      const res = await fetch(`${plain.url}/api/directline/tokens`, {
        method: "POST",
        headers: { authorization: "Bearer anything", "content-type": "application/json" },
        body: JSON.stringify({ customerId: "cust-uk-locked-handset" }),
      });
      expect(res.status).toBe(503);
      expect(JSON.stringify(await res.json())).toContain("FAIREXIT_DIRECTLINE_SECRET");
    } finally {
      await plain.close();
    }
  });

  it("a website holding the secret can also use Direct Line's own tokens/generate", async () => {
    const res = await fetch(`${server.url}/v3/directline/tokens/generate`, {
      method: "POST",
      headers: { authorization: `Bearer ${SITE_SECRET}`, "content-type": "application/json" },
      body: JSON.stringify({ user: { id: "dl_site-user-1" } }),
    });
    expect(res.status).toBe(200);
    const session = (await res.json()) as DirectLineSession;
    expect(session.userId).toBe("dl_site-user-1");
    const chat = new DirectLineClient(server.url, session);
    await chat.start();
    expect((await chat.poll())[0]?.text).toContain("a bot, not a person");
  });
});
