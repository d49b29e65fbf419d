/**
 * POST /api/messages as Bot Framework channels use it: replies with Adaptive Cards and
 * channelData.fairexit, Teams card buttons, the normal delivery mode (replies POSTed to the
 * channel's serviceUrl), and authentication once an app id is configured.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { engineConversationId } from "../../src/channels/respondToActivity.js";
import { startBotConnector } from "../support/botConnectorServer.js";
import { BotFrameworkChat } from "../support/botFrameworkChat.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";

let server: RunningFairExit;
beforeAll(async () => {
  server = await aFairExitServer();
});
afterAll(async () => server.close());

/** A customer with a locked handset, identified and past the reason question. */
async function theLockedHandsetCustomer(chat: BotFrameworkChat) {
  await chat.joins();
  for (const line of ["I want to cancel my mobile", "UK318826", "M14 5RT", "switching network", "yes"])
    await chat.says(line);
}

describe("replies on a Bot Framework channel", () => {
  it("carry the stage and the obligations each message discharges in channelData.fairexit", async () => {
    const chat = new BotFrameworkChat(server.url);
    await theLockedHandsetCustomer(chat);
    const data = chat.replies.map((r) => r.channelData?.fairexit);
    expect(data.every((d) => d?.stage === "review")).toBe(true);
    const unlock = chat.replies.find((r) => r.text?.includes("Unlocking is free"));
    expect(unlock?.channelData?.fairexit?.discharges).toEqual([
      "device-unlock:svc-uk-locked-mobile:dev-uk-locked-handset",
    ]);
    const discharged = data.flatMap((d) => d?.discharges ?? []);
    expect(discharged).toEqual(
      expect.arrayContaining(["porting-code:svc-uk-locked-mobile", "payment-mandate", "final-bill"]),
    );
  });

  it("show the review as an Adaptive Card whose fallback is the message text", async () => {
    const chat = new BotFrameworkChat(server.url);
    await theLockedHandsetCustomer(chat);
    const review = chat.replies.find((r) => r.channelData?.fairexit?.card === "review");
    const card = review?.attachments?.[0];
    expect(card?.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(card?.content.version).toBe("1.5");
    expect(card?.content.fallbackText).toBe(review?.text);
    expect(JSON.stringify(card?.content.body)).toContain("Mobile");
    expect(JSON.stringify(card?.content.body)).toContain("Total for leaving");
  });

  it("offer quick replies on the last message of a turn only", async () => {
    const chat = new BotFrameworkChat(server.url);
    await theLockedHandsetCustomer(chat);
    const withSuggestions = chat.replies.filter((r) => r.suggestedActions);
    expect(withSuggestions).toHaveLength(1);
    expect(chat.replies.at(-1)?.suggestedActions?.actions.map((a) => a.title)).toContain("Talk to a person");
  });

  it("confirm with two equally plain buttons, and 'Keep my service' cancels nothing", async () => {
    const chat = new BotFrameworkChat(server.url, "msteams");
    await theLockedHandsetCustomer(chat);
    await chat.says("continue");
    if (chat.state.expecting === "offer") await chat.clicks("No thanks, cancel");
    const confirm = chat.cards().find((c) => c.actions?.some((a) => a.title === "Confirm cancellation"));
    expect(confirm?.actions?.map((a) => [a.title, a.type, "style" in a])).toEqual([
      ["Confirm cancellation", "Action.Submit", false],
      ["Keep my service", "Action.Submit", false],
    ]);
    await chat.clicks("Keep my service");
    chat.expectReply("nothing has been changed");
    expect(chat.reply).not.toContain("Cancellation confirmed");
  });

  it("greets a customer who joins, but not when only the bot is added (Teams installs)", async () => {
    const chat = new BotFrameworkChat(server.url, "msteams");
    const botOnly = await chat.send(
      chat.activity({ type: "conversationUpdate", membersAdded: [{ id: "fairexit-bot" }] }),
    );
    expect(botOnly.replies).toEqual([]);
    const greeting = await chat.joins();
    expect(greeting[0]?.text).toContain("a bot, not a person");
  });

  it("answers a message that is too long with what was wrong, and keeps the conversation", async () => {
    const chat = new BotFrameworkChat(server.url);
    await chat.joins();
    await chat.says("x".repeat(5000));
    expect(chat.reply).toContain("too long");
    await chat.says("UK318826");
    expect(chat.reply).toContain("postcode");
  });

  it("rejects a malformed activity with 400 naming the field, before anything reaches the bot", async () => {
    const post = (body: string) =>
      fetch(`${server.url}/api/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
    const chat = new BotFrameworkChat(server.url);
    const { conversation: _omitted, ...noConversation } = chat.activity({ type: "message", text: "hi" });
    const cases: [string, RegExp][] = [
      ["{}", /type/],
      [JSON.stringify({ ...chat.activity({ type: "message" }), type: 5 }), /type/],
      [JSON.stringify(noConversation), /conversation/],
      [JSON.stringify({ ...chat.activity({ type: "message" }), serviceUrl: undefined }), /serviceUrl/],
      ["not json", /JSON/],
    ];
    for (const [body, names] of cases) {
      const res = await post(body);
      expect(res.status, body).toBe(400);
      expect(await res.text(), body).toMatch(names);
    }
  });

  it("ignores activity types it has nothing to say to", async () => {
    const chat = new BotFrameworkChat(server.url);
    const typing = await chat.send(chat.activity({ type: "typing" }));
    expect(typing.status).toBe(200);
    expect(typing.replies).toEqual([]);
  });
});

describe("a channel conversation's engine id", () => {
  it("is the same in every version, so a conversation resumes after an upgrade (pinned value)", () => {
    expect(engineConversationId("msteams", "a:1Xk-é")).toBe("bf-Mqd8_UWY2Uz368q8iOTwZXhr16ivAD03");
    expect(engineConversationId("webchat", "a:1Xk-é")).not.toBe(engineConversationId("msteams", "a:1Xk-é"));
  });
});

describe("the normal delivery mode", () => {
  /** Posts a message without expectReplies: the replies go to the Bot Connector at `serviceUrl`. */
  async function sendInNormalMode(chat: BotFrameworkChat, serviceUrl: string, text: string) {
    const activity = chat.activity({ type: "message", text, serviceUrl });
    delete activity.deliveryMode;
    const res = await fetch(`${server.url}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(activity),
    });
    expect(res.status).toBe(200);
    return activity;
  }

  it("POSTs each reply to the channel's Bot Connector at the activity's serviceUrl", async () => {
    const connector = await startBotConnector();
    try {
      const chat = new BotFrameworkChat(server.url, "directline");
      const activity = await sendInNormalMode(chat, connector.serviceUrl, "I want to cancel");
      const replies = await connector.waitFor(2);
      expect(replies.map((r) => r.conversationId)).toEqual([chat.conversationId, chat.conversationId]);
      expect(replies.map((r) => r.replyToId)).toEqual([activity.id, activity.id]);
      expect(replies[0]?.activity.text).toContain("a bot, not a person");
      expect(replies[1]?.activity.text).toContain("account number");
      expect(replies[1]?.activity.channelData?.fairexit?.stage).toBe("identify");
    } finally {
      await connector.close();
    }
  });

  it("sends each conversation's replies to its own serviceUrl, turn after turn (clients are reused)", async () => {
    const [east, west] = await Promise.all([startBotConnector(), startBotConnector()]);
    try {
      const send = sendInNormalMode;
      const inEast = new BotFrameworkChat(server.url, "directline");
      const inWest = new BotFrameworkChat(server.url, "directline");
      await send(inEast, east.serviceUrl, "I want to cancel");
      await east.waitFor(2);
      await send(inWest, west.serviceUrl, "I want to cancel");
      await west.waitFor(2);
      await send(inEast, east.serviceUrl, "UK318826");
      await east.waitFor(3);
      await send(inWest, west.serviceUrl, "UK318826");
      await west.waitFor(3);
      expect(new Set(east.replies.map((r) => r.conversationId))).toEqual(new Set([inEast.conversationId]));
      expect(new Set(west.replies.map((r) => r.conversationId))).toEqual(new Set([inWest.conversationId]));
      expect(east.replies.at(-1)?.activity.text).toMatch(/postcode/i);
      expect(west.replies.at(-1)?.activity.text).toMatch(/postcode/i);
    } finally {
      await Promise.all([east.close(), west.close()]);
    }
  });
});

describe("with MicrosoftAppId configured", () => {
  let secured: RunningFairExit;
  beforeAll(async () => {
    secured = await aFairExitServer({
      MicrosoftAppId: "00000000-1111-2222-3333-444444444444",
      MicrosoftAppPassword: "not-a-real-password",
    });
  });
  afterAll(async () => secured.close());

  const conversationsStored = async () => (await secured.app.store.conversations.list()).length;

  it("refuses a request without a token with 401, and nothing reaches the bot", async () => {
    const chat = new BotFrameworkChat(secured.url);
    const { status } = await chat.send(chat.activity({ type: "message", text: "I want to cancel" }));
    expect(status).toBe(401);
    expect(await conversationsStored()).toBe(0);
  });

  it("refuses a garbage token with 401", async () => {
    for (const authorization of [
      "Bearer garbage",
      "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln",
      "Basic dXNlcjpwdw==",
    ]) {
      const chat = new BotFrameworkChat(secured.url, "emulator", { authorization });
      const { status } = await chat.send(chat.activity({ type: "message", text: "I want to cancel" }));
      expect(status, authorization).toBe(401);
    }
    expect(await conversationsStored()).toBe(0);
  });
});
