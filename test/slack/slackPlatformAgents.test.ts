/**
 * Platform sessions in Slack, end to end: transcripts posted to FairExit's real HTTP routes by a
 * platform that names the agent on the call, and a loopback Slack Web API. An agent mapped in
 * SLACK_PLATFORM_AGENTS gets the session in their DM (conversations.open once, then
 * chat.postMessage there, then chat.update), not in SLACK_ASSIST_CHANNEL; an unmapped agent's
 * session still goes to the channel; the agent can work it from the DM. A bad mapping stops the
 * start naming the variable.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACTIONS, parseButtonValue } from "../../src/adapters/slack/assistBlocks.js";
import { loadConfig } from "../../src/config.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import { type FakeSlackApi, type SlackCall, startFakeSlackApi } from "./fakeSlackApi.js";
import { buttonClickBody, postToSlackEndpoint } from "./signedSlackRequest.js";

const SECRET = "slack-signing-secret-for-tests-0123";
const API_KEY = "assist-test-key-0123456789abcdef0123456789";
const CHANNEL = "C0ASSIST";
const JO = "U0JO";
const SAM = "U0SAM";
const GENESYS_USER = "0c3b5f2a-8e41-4d7a-b6c9-2e1f0a9d8c7b";

let slack: FakeSlackApi;
let fairexit: RunningFairExit;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  fairexit = await aFairExitServer({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_BOT_ID: "B0BOT",
    SLACK_BOT_USER_ID: "U0BOT",
    SLACK_ASSIST_CHANNEL: CHANNEL,
    SLACK_API_URL: slack.apiUrl,
    SLACK_AGENT_USERS: `${JO},${SAM}`,
    SLACK_PLATFORM_AGENTS: `api:jo=${JO},genesys:${GENESYS_USER}=${SAM}`,
    FAIREXIT_ASSIST_API_KEY: API_KEY,
  });
});

afterAll(async () => {
  await fairexit?.close();
  await slack?.close();
});

async function post(path: string, body: unknown) {
  const res = await fetch(`${fairexit.url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${API_KEY}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  expect(res.status).toBe(200);
}

const event = (sessionId: string, over: Record<string, unknown> = {}) => ({
  sessionId,
  customerId: "cust-uk-locked-handset",
  speaker: "customer",
  text: "I want to leave.",
  at: "2026-11-23T10:00:03Z",
  ...over,
});

const sessionOf = (call: SlackCall) =>
  (call.args.metadata as { event_payload?: { sessionId?: string } } | undefined)?.event_payload?.sessionId;
const messagesFor = (sessionId: string, method: "chat.postMessage" | "chat.update") =>
  slack.callsOf(method).filter((c) => sessionOf(c) === sessionId);

describe("a platform session whose agent is mapped to a Slack user", () => {
  it("is posted to the agent's DM, opened with conversations.open, and not to the channel", async () => {
    await post("/api/assist/events", event("dm-call-1", { agentId: "jo" }));
    await slack.until(() => messagesFor("dm-call-1", "chat.postMessage").length > 0, "the DM message");
    expect(slack.callsOf("conversations.open").map((c) => c.args.users)).toEqual([JO]);
    const [posted] = messagesFor("dm-call-1", "chat.postMessage");
    expect(posted!.args.channel).toBe("D0JO");

    await post(
      "/api/assist/events",
      event("dm-call-1", { agentId: "jo", speaker: "agent", text: "Well, what did you expect?" }),
    );
    await slack.until(() => messagesFor("dm-call-1", "chat.update").length > 0, "the updated DM message");
    expect(messagesFor("dm-call-1", "chat.update").every((c) => c.args.channel === "D0JO")).toBe(true);
    expect(slack.callsOf("chat.postMessage").some((c) => c.args.channel === CHANNEL)).toBe(false);
    // The alert goes to the DM message's thread.
    await slack.until(
      () => slack.callsOf("chat.postMessage").some((c) => c.args.thread_ts === posted!.ts),
      "the alert in the thread",
    );
  });

  it("opens the DM once per agent, however many calls they take", async () => {
    await post("/api/assist/events", event("dm-call-2", { agentId: "jo" }));
    await slack.until(() => messagesFor("dm-call-2", "chat.postMessage").length > 0, "the second DM");
    expect(messagesFor("dm-call-2", "chat.postMessage")[0]!.args.channel).toBe("D0JO");
    expect(slack.callsOf("conversations.open")).toHaveLength(1);
  });

  it("works for a Genesys agent named in the route's agent parameter", async () => {
    await post(`/api/assist/genesys?agent=${GENESYS_USER}`, {
      topicName: "v2.conversations.gc-call-1.transcription",
      eventBody: {
        conversationId: "gc-call-1",
        eventTime: "2026-11-23T10:00:12.000Z",
        transcripts: [
          {
            utteranceId: "u1",
            isFinal: true,
            channel: "EXTERNAL",
            alternatives: [{ transcript: "I want to cancel.", confidence: 0.9 }],
          },
        ],
      },
    });
    await slack.until(() => messagesFor("gc-call-1", "chat.postMessage").length > 0, "Sam's DM");
    expect(messagesFor("gc-call-1", "chat.postMessage")[0]!.args.channel).toBe("D0SAM");
  });

  it("lets the agent work the session from the DM (a tick by hand is theirs)", async () => {
    const [posted] = messagesFor("dm-call-1", "chat.postMessage");
    const blocks = posted!.args.blocks as { accessory?: { action_id: string; value: string } }[];
    const tick = blocks.map((b) => b.accessory).find((a) => a?.action_id === ACTIONS.tick)!;
    const answer = await postToSlackEndpoint(`${fairexit.url}/slack/events`, {
      secret: SECRET,
      contentType: "application/x-www-form-urlencoded",
      body: buttonClickBody({
        actionId: tick.action_id,
        value: tick.value,
        user: JO,
        channel: "D0JO",
        messageTs: String(posted!.ts),
        responseUrl: slack.responseUrl("dm-tick"),
      }),
    });
    expect(answer.status).toBe(200);
    const id = parseButtonValue(tick.value)!.id;
    await slack.until(
      () =>
        fairexit.app.assist.view("dm-call-1")?.checklist.find((c) => c.obligationId === id)?.status ===
        "discharged",
      "the tick",
    );
    expect(fairexit.app.assist.view("dm-call-1")?.agents).toEqual(["api:jo", `slack:${JO}`]);
  });
});

describe("a platform session whose agent is not mapped", () => {
  it("still goes to SLACK_ASSIST_CHANNEL", async () => {
    await post("/api/assist/events", event("ch-call-1", { agentId: "someone-else" }));
    await slack.until(() => messagesFor("ch-call-1", "chat.postMessage").length > 0, "the channel message");
    expect(messagesFor("ch-call-1", "chat.postMessage")[0]!.args.channel).toBe(CHANNEL);
  });
});

describe("SLACK_PLATFORM_AGENTS", () => {
  const base = {
    FAIREXIT_STORE: "memory",
    SLACK_SIGNING_SECRET: "0123456789abcdef0123",
    SLACK_BOT_TOKEN: "xoxb-1-2-abc",
  };

  it("is read as a map from platform agent id to Slack user id", () => {
    expect(
      loadConfig({ ...base, SLACK_PLATFORM_AGENTS: "genesys:abc=U123,api:jo.smith@x.com=W456" }).slack
        ?.platformAgents,
    ).toEqual({ "genesys:abc": "U123", "api:jo.smith@x.com": "W456" });
  });

  it("names the variable for a bad pair, a mapping given twice, or a user not on SLACK_AGENT_USERS", () => {
    for (const bad of [
      "abc=U123",
      "slack:abc=U123",
      "genesys:abc=#assist",
      "genesys:a b=U1",
      "genesys:abc=U1,",
    ])
      expect(() => loadConfig({ ...base, SLACK_PLATFORM_AGENTS: bad }), bad).toThrow(
        /SLACK_PLATFORM_AGENTS.*<platform agent id>=<Slack user id>/,
      );
    expect(() => loadConfig({ ...base, SLACK_PLATFORM_AGENTS: "api:jo=U1,api:jo=U2" })).toThrow(
      /SLACK_PLATFORM_AGENTS: api:jo is mapped twice/,
    );
    expect(() =>
      loadConfig({ ...base, SLACK_AGENT_USERS: "U1", SLACK_PLATFORM_AGENTS: "api:jo=U2" }),
    ).toThrow(/SLACK_PLATFORM_AGENTS: U2 is not on SLACK_AGENT_USERS/);
  });
});
