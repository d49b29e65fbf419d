/**
 * Agent assist in Teams, through FairExit's real Bot Framework endpoint and the real desk: an
 * agent on FAIREXIT_TEAMS_AGENTS types `customer <account>`, the bot sends the session's
 * Adaptive Card proactively to a loopback Bot Connector and updates it in place as the call
 * goes on; an Action.Execute click ticks the item and is answered with the refreshed card.
 * Anyone not on the list still talks to the customer bot.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEAMS_CONVERSATION_WINDOWS } from "../../src/adapters/botframework/teamsAssist.js";
import { SendBudget } from "../../src/channels/delivery/rateWindow.js";
import { busiestWindow } from "../slack/manualScheduler.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import {
  type AssistBotConnector,
  type ConnectorCall,
  startAssistBotConnector,
} from "./assistBotConnector.js";

const AGENT_AAD = "5a1f0c1e-agent-0000-0000-000000000001";

let connector: AssistBotConnector;
let fairexit: RunningFairExit;

beforeAll(async () => {
  connector = await startAssistBotConnector();
  fairexit = await aFairExitServer({ FAIREXIT_TEAMS_AGENTS: AGENT_AAD });
});

afterAll(async () => {
  await fairexit?.close();
  await connector?.close();
});

const conversationId = `a:agent-${randomUUID()}`;
let n = 0;

function activity(
  extra: Record<string, unknown>,
  from: Record<string, unknown> = { id: "29:agent", aadObjectId: AGENT_AAD },
) {
  return {
    id: `act-${++n}`,
    channelId: "msteams",
    serviceUrl: connector.serviceUrl,
    conversation: { id: conversationId, conversationType: "personal", tenantId: "tenant-1" },
    from: { name: "Agent", ...from },
    recipient: { id: "28:fairexit-bot", name: "FairExit" },
    timestamp: new Date().toISOString(),
    locale: "en-GB",
    ...extra,
  };
}

async function post(body: Record<string, unknown>) {
  const res = await fetch(`${fairexit.url}/api/messages`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const cardOf = (call: ConnectorCall) => call.activity.attachments?.[0];
const sessionOf = (call: ConnectorCall) => cardOf(call)?.content.metadata?.fairexit?.sessionId;
const executes = (
  body: unknown,
): { title: string; verb: string; data: { sessionId: string; id: string } }[] =>
  JSON.stringify(body)
    .match(/\{"type":"Action\.Execute"[^}]*\}[^}]*\}/g)
    ?.map((s) => JSON.parse(s)) ?? [];

describe("agent assist in Teams", () => {
  let sessionId: string;
  let cardId: string;

  it("sends the session's card proactively when an agent types customer <account>", async () => {
    const answer = await post(activity({ type: "message", text: "customer UK318826" }));
    expect(answer.status).toBe(200);
    await connector.until(() => connector.calls.some((c) => cardOf(c) !== undefined), "the assist card");
    const sent = connector.calls.find((c) => cardOf(c) !== undefined)!;
    expect(sent.verb).toBe("POST");
    expect(sent.conversationId).toBe(conversationId);
    expect(sent.activityId).toBeUndefined(); // proactive: not a reply to the agent's message
    sessionId = sessionOf(sent)!;
    cardId = sent.resourceId;
    expect(fairexit.app.assist.view(sessionId)?.customerId).toBe("cust-uk-locked-handset");
    const buttons = executes(cardOf(sent)!.content.body);
    expect(buttons.map((b) => b.title)).toContain("Mark disclosed");
    // The customer bot did not answer the agent.
    expect(
      connector.calls.some((c) => c.activity.text?.match(/cancel/i) && !c.activity.text.includes("customer")),
    ).toBe(false);
  });

  it("ticks an item on an Action.Execute click, answers with the refreshed card and updates the card in place", async () => {
    const before = connector.calls.length;
    const answer = await post(
      activity({
        type: "invoke",
        name: "adaptiveCard/action",
        value: {
          action: { type: "Action.Execute", verb: "fx_tick", data: { sessionId, id: "payment-mandate" } },
          trigger: "manual",
        },
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ statusCode: 200, type: "application/vnd.microsoft.card.adaptive" });
    expect(executes(answer.body.value.body).some((b) => b.data.id === "payment-mandate")).toBe(false);
    expect(JSON.stringify(answer.body.value.body)).toContain("ticked by hand");
    const item = fairexit.app.assist
      .view(sessionId)!
      .checklist.find((i) => i.obligationId === "payment-mandate");
    expect(item?.dischargedBy).toMatchObject({ kind: "hand", agent: `teams:${AGENT_AAD}` });
    await connector.until(
      () => connector.calls.slice(before).some((c) => c.verb === "PUT"),
      "the update in place",
    );
    const update = connector.calls.slice(before).find((c) => c.verb === "PUT")!;
    expect(update.activityId).toBe(cardId);
    expect(update.activity.id).toBe(cardId);
    expect(JSON.stringify(cardOf(update)!.content.body)).toContain("ticked by hand");
  });

  it("updates the same card as the call goes on, ending at the latest view", async () => {
    await fairexit.app.assist.hear({
      sessionId,
      utteranceId: "t1",
      speaker: "agent",
      text: "What did you expect? I'll cancel it now.",
      at: "2026-11-23T10:00:05Z",
      final: true,
      source: "events",
    });
    const version = fairexit.app.assist.view(sessionId)!.version;
    await connector.until(
      () =>
        connector.calls.some(
          (c) => c.verb === "PUT" && cardOf(c)?.content.metadata?.fairexit?.version === version,
        ),
      "the latest version",
    );
    const puts = connector.calls.filter((c) => c.verb === "PUT");
    expect(new Set(puts.map((c) => c.activityId))).toEqual(new Set([cardId]));
    expect(connector.calls.filter((c) => c.verb === "POST" && sessionOf(c) === sessionId)).toHaveLength(1);
  });

  it("answers check <draft> with the alert and a compliant alternative", async () => {
    const before = connector.calls.length;
    await post(activity({ type: "message", text: "check I'll cancel it now." }));
    await connector.until(
      () => connector.calls.slice(before).some((c) => c.activity.text !== undefined),
      "the answer",
    );
    const reply = connector.calls.slice(before).find((c) => c.activity.text !== undefined)!;
    expect(reply.activity.text).toMatch(/Before you say it/);
    expect(reply.activity.text).toMatch(/Say instead/);
  });

  it("answers a click on a session that is gone with a message naming it, not an error", async () => {
    const answer = await post(
      activity({
        type: "invoke",
        name: "adaptiveCard/action",
        value: {
          action: { type: "Action.Execute", verb: "fx_dismiss", data: { sessionId: "gone-1", id: "a1" } },
        },
      }),
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      statusCode: 200,
      type: "application/vnd.microsoft.activity.message",
    });
    expect(answer.body.value).toMatch(/gone-1/);
  });

  it("leaves a Teams user who is not an agent with the customer bot", async () => {
    const sessions = fairexit.app.assist.list().length;
    const answer = await post({
      ...activity(
        { type: "message", text: "customer UK318826", deliveryMode: "expectReplies" },
        { id: "29:customer", aadObjectId: "someone-else" },
      ),
      conversation: { id: `a:customer-${randomUUID()}` },
    });
    expect(answer.status).toBe(200);
    expect(fairexit.app.assist.list().length).toBe(sessions);
    expect(answer.body.activities.length).toBeGreaterThan(0);
    expect(JSON.stringify(answer.body.activities)).not.toContain("FairExit assist");
  });
});

describe("Teams limits", () => {
  it("after a 429 on an update, the card still ends at the latest view", async () => {
    const sent = connector.calls.find((c) => cardOf(c) !== undefined)!;
    const sessionId = sessionOf(sent)!;
    connector.limitNextUpdate(1);
    for (let i = 0; i < 5; i++)
      await fairexit.app.assist.hear({
        sessionId,
        utteranceId: `burst-${i}`,
        speaker: "customer",
        text: `Is my phone locked? (${i})`,
        at: `2026-11-23T10:01:0${i}Z`,
        final: true,
        source: "events",
      });
    const version = fairexit.app.assist.view(sessionId)!.version;
    await connector.until(
      () =>
        connector.calls.some(
          (c) => c.verb === "PUT" && cardOf(c)?.content.metadata?.fairexit?.version === version,
        ),
      "the latest version after the 429",
    );
    // botframework-connector's own throttling policy waits out Retry-After and retries the PUT.
    expect(connector.refused).toBe(1);
  });

  it("budgets a conversation at 7 a second and 60 in 30 seconds (simulated sends as fast as allowed)", () => {
    const budget = new SendBudget(TEAMS_CONVERSATION_WINDOWS);
    const times: number[] = [];
    for (let now = 0; times.length < 300; ) {
      const at = budget.nextAt(now);
      budget.take(at);
      times.push(at);
      now = at;
    }
    expect(busiestWindow(times, 1000)).toBe(7);
    expect(busiestWindow(times, 2000)).toBe(8);
    expect(busiestWindow(times, 30_000)).toBe(60);
  });
});
