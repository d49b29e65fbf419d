/**
 * What one Direct Line token can put into the server: activities of bounded size, a
 * conversation log of bounded length read in bounded pages, and no customer identity unless
 * signed-in tokens are switched on (FAIREXIT_DIRECTLINE_SECRET).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ACTIVITIES_PAGE,
  MAX_ACTIVITIES,
  MAX_LOG_BYTES,
} from "../../src/channels/directLine/directLineLog.js";
import { newConversationId } from "../../src/channels/directLine/directLineToken.js";
import { DirectLineClient, type DirectLineSession } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

let server: RunningFairExit;
beforeAll(async () => {
  server = await aFairExitServer({
    FAIREXIT_RATE_LIMIT_PER_CLIENT: "100000",
    FAIREXIT_RATE_LIMIT_PER_CONVERSATION: "100000",
  });
});
afterAll(async () => server.close());

const errorOf = async (res: Response) =>
  ((await res.json()) as { error: { code: string; message: string } }).error;

describe("a posted activity", () => {
  it("with text over 4,000 characters is refused with 413 naming the limit, and not kept", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    await chat.poll();
    const path = `/conversations/${chat.session.conversationId}/activities`;
    const res = await chat.request("POST", path, { type: "message", text: "x".repeat(4001) });
    expect(res.status).toBe(413);
    expect((await errorOf(res)).message).toContain("4000 characters");
    expect(await chat.poll()).toEqual([]);
  });

  it("over 16 KB as JSON is refused with 413 naming the limit (a 1 MB one used to be kept)", async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    await chat.poll();
    const path = `/conversations/${chat.session.conversationId}/activities`;
    for (const size of [17 * 1024, 200 * 1024]) {
      const res = await chat.request("POST", path, {
        type: "message",
        text: "hello",
        channelData: { padding: "p".repeat(size) },
      });
      expect(res.status, String(size)).toBe(413);
      expect((await errorOf(res)).message).toContain("16384");
    }
    expect(await chat.poll()).toEqual([]);
  });
});

describe("a conversation's log", () => {
  it(`keeps at most ${MAX_ACTIVITIES} activities and returns them ${ACTIVITIES_PAGE} at a time`, async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    const path = `/conversations/${chat.session.conversationId}/activities`;
    for (let i = 0; i < 300; i++) {
      const res = await chat.request("POST", path, { type: "typing" });
      expect(res.status).toBe(200);
    }
    for (let i = 0; i < 300; i++) {
      const res = await chat.request("POST", path, { type: "message", text: `message ${i}` });
      expect(res.status).toBe(200);
    }
    const pages: number[] = [];
    for (;;) {
      const page = await chat.poll();
      if (page.length === 0) break;
      pages.push(page.length);
    }
    expect(Math.max(...pages)).toBeLessThanOrEqual(ACTIVITIES_PAGE);
    const kept = pages.reduce((a, b) => a + b, 0);
    expect(kept).toBe(MAX_ACTIVITIES);
    expect(chat.seen.at(0)?.id).not.toMatch(/\|0000000$/); // the oldest were dropped, the newest kept
    expect(chat.seen.some((a) => a.text === "message 299")).toBe(true);
  });
});

describe("a conversation of large activities", () => {
  it(`keeps at most ${MAX_LOG_BYTES} bytes of them (1,000 posts of 15 KB), the newest`, async () => {
    const chat = await DirectLineClient.anonymous(server.url);
    await chat.start();
    const path = `/conversations/${chat.session.conversationId}/activities`;
    for (let i = 0; i < 1000; i++) {
      const res = await chat.request("POST", path, {
        type: "event",
        name: `e${i}`,
        channelData: { p: "x".repeat(15_000) },
      });
      expect(res.status).toBe(200);
    }
    let bytes = 0;
    for (;;) {
      const res = await chat.request("GET", `${path}${chat.watermark ? `?watermark=${chat.watermark}` : ""}`);
      const text = await res.text();
      const page = JSON.parse(text) as { activities: unknown[]; watermark: string };
      if (page.activities.length === 0) break;
      bytes += text.length;
      chat.watermark = page.watermark;
    }
    expect(bytes).toBeGreaterThan(MAX_LOG_BYTES / 2);
    expect(bytes).toBeLessThanOrEqual(MAX_LOG_BYTES + 10_000);
  });
});

describe("a token naming a customer", () => {
  const customerToken = (s: RunningFairExit): DirectLineSession => {
    const grant = {
      conversationId: newConversationId(),
      userId: "dl_u1",
      customerId: "cust-uk-locked-handset",
    };
    const issued = s.app.directLine.tokens.issue(grant, s.app.clock.now().getTime());
    return { conversationId: grant.conversationId, userId: grant.userId, ...issued };
  };

  it("is refused with 401 on every route while signed-in tokens are off (no FAIREXIT_DIRECTLINE_SECRET)", async () => {
    const chat = new DirectLineClient(server.url, customerToken(server));
    const base = `/conversations/${chat.session.conversationId}`;
    const answers = [
      await chat.request("POST", "/conversations"),
      await chat.request("GET", base),
      await chat.request("GET", `${base}/activities`),
      await chat.request("POST", `${base}/activities`, { type: "message", text: "hi" }),
      await chat.request("POST", "/tokens/refresh"),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    expect((await errorOf(answers[0]!)).message).toContain("FAIREXIT_DIRECTLINE_SECRET");
    expect(await server.app.store.conversations.get(chat.session.conversationId)).toBeUndefined();
  });

  it("is honoured once FAIREXIT_DIRECTLINE_SECRET is set", async () => {
    const signedIn = await aFairExitServer({
      FAIREXIT_DIRECTLINE_SECRET: "the-website-backend-shares-this-secret-0123456789",
    });
    try {
      const chat = new DirectLineClient(signedIn.url, customerToken(signedIn));
      await chat.start();
      expect((await chat.poll()).map((a) => a.text).join("\n")).not.toContain("account number");
    } finally {
      await signedIn.close();
    }
  });
});
