/**
 * Agent assist in Slack, end to end: FairExit's real server with the real desk, Slack's
 * requests signed as Slack signs them, and a loopback Slack Web API that records what the
 * agent would see. Forged or stale requests are refused (401) and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buttonValue, parseButtonValue } from "../../src/adapters/slack/assistBlocks.js";
import type { AssistView } from "../../src/assist/view.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import { type FakeSlackApi, type SlackCall, startFakeSlackApi } from "./fakeSlackApi.js";
import { buttonClickBody, eventBody, postToSlackEndpoint, slashCommandBody } from "./signedSlackRequest.js";

const SECRET = "slack-signing-secret-for-tests-0123";
const CHANNEL = "C0ASSIST";
const AGENT = "U0AGENT";

let slack: FakeSlackApi;
let fairexit: RunningFairExit;
let events: string;

beforeAll(async () => {
  slack = await startFakeSlackApi();
  fairexit = await aFairExitServer({
    SLACK_SIGNING_SECRET: SECRET,
    SLACK_BOT_TOKEN: "xoxb-test-token",
    SLACK_BOT_ID: "B0BOT",
    SLACK_BOT_USER_ID: "U0BOT",
    SLACK_ASSIST_CHANNEL: CHANNEL,
    SLACK_API_URL: slack.apiUrl,
    SLACK_AGENT_USERS: `${AGENT},U0OTHER`,
  });
  events = `${fairexit.url}/slack/events`;
});

afterAll(async () => {
  await fairexit?.close();
  await slack?.close();
});

const form = "application/x-www-form-urlencoded" as const;
let commands = 0;

async function command(text: string, user = AGENT, channel = CHANNEL) {
  const id = `cmd-${++commands}`;
  const answer = await postToSlackEndpoint(events, {
    secret: SECRET,
    contentType: form,
    body: slashCommandBody({ text, user, channel, responseUrl: slack.responseUrl(id) }),
  });
  return { ...answer, id };
}

const payloadOf = (call: SlackCall) =>
  (call.args.metadata as { event_payload: { sessionId: string; version: number } } | undefined)
    ?.event_payload;

const messagesFor = (sessionId: string, method: "chat.postMessage" | "chat.update") =>
  slack.callsOf(method).filter((c) => payloadOf(c)?.sessionId === sessionId);

const buttons = (call: SlackCall) =>
  (call.args.blocks as { accessory?: { action_id: string; value: string; text: { text: string } } }[])
    .map((b) => b.accessory)
    .filter((a) => a !== undefined);

describe("the Slack endpoint refuses what Slack did not sign", () => {
  it("answers 401 to a bad signature and opens nothing", async () => {
    const before = fairexit.app.assist.list().length;
    const answer = await postToSlackEndpoint(events, {
      secret: SECRET,
      contentType: form,
      body: slashCommandBody({
        text: "customer UK318826",
        user: AGENT,
        channel: CHANNEL,
        responseUrl: slack.responseUrl("x"),
      }),
      signature: `v0=${"0".repeat(64)}`,
    });
    expect(answer.status).toBe(401);
    expect(fairexit.app.assist.list().length).toBe(before);
  });

  it("answers 401 to a correctly signed request older than five minutes (a replay)", async () => {
    const before = fairexit.app.assist.list().length;
    const answer = await postToSlackEndpoint(events, {
      secret: SECRET,
      contentType: form,
      body: slashCommandBody({
        text: "customer UK318826",
        user: AGENT,
        channel: CHANNEL,
        responseUrl: slack.responseUrl("x"),
      }),
      timestamp: Math.floor(Date.now() / 1000) - 6 * 60,
    });
    expect(answer.status).toBe(401);
    expect(fairexit.app.assist.list().length).toBe(before);
  });

  it("answers 401 to a request signed with another secret", async () => {
    const answer = await postToSlackEndpoint(events, {
      secret: "another-workspace-secret-0123456",
      contentType: "application/json",
      body: eventBody({ type: "app_home_opened", user: AGENT, tab: "home", channel: "D0AGENT" }),
    });
    expect(answer.status).toBe(401);
  });
});

describe("an agent works a call from Slack", () => {
  let sessionId: string;
  let posted: SlackCall;

  it("opens a session with /fairexit customer <account> and posts its checklist to the channel", async () => {
    const answer = await command("customer UK318826");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text)).toMatchObject({ response_type: "ephemeral" });
    await slack.until(() => slack.callsOf("chat.postMessage").length > 0, "the session message");
    posted = slack.callsOf("chat.postMessage")[0]!;
    expect(posted.authorization).toBe("Bearer xoxb-test-token");
    expect(posted.args.channel).toBe(CHANNEL);
    sessionId = payloadOf(posted)!.sessionId;
    expect(fairexit.app.assist.view(sessionId)?.customerId).toBe("cust-uk-locked-handset");
    const labels = buttons(posted).map((b) => b.text.text);
    expect(labels).toContain("Mark disclosed");
    expect(JSON.stringify(posted.args.blocks)).toContain("locked to our network");
  });

  it("ticks an item when the agent clicks Mark disclosed, and the message shows it ticked by hand", async () => {
    const unlock = buttons(posted).find((b) => parseButtonValue(b.value)?.id === "payment-mandate")!;
    expect(unlock).toBeDefined();
    const answer = await postToSlackEndpoint(events, {
      secret: SECRET,
      contentType: form,
      body: buttonClickBody({
        actionId: unlock.action_id,
        value: unlock.value,
        user: AGENT,
        channel: CHANNEL,
        messageTs: String(posted.args.ts ?? "1700000000.000100"),
        responseUrl: slack.responseUrl("tick"),
      }),
    });
    expect(answer.status).toBe(200);
    await slack.until(() => messagesFor(sessionId, "chat.update").length > 0, "the updated message");
    const item = fairexit.app.assist
      .view(sessionId)
      ?.checklist.find((i) => i.obligationId === "payment-mandate");
    expect(item?.dischargedBy).toMatchObject({ kind: "hand", agent: `slack:${AGENT}` });
    const update = messagesFor(sessionId, "chat.update").at(-1)!;
    expect(update.args.ts).toBe("1700000000.000100");
    expect(buttons(update).some((b) => parseButtonValue(b.value)?.id === "payment-mandate")).toBe(false);
    expect(JSON.stringify(update.args.blocks)).toContain("ticked by hand");
  });

  it("posts a new alert as a thread reply under the session message, once", async () => {
    await fairexit.app.assist.hear({
      sessionId,
      utteranceId: "a1",
      speaker: "agent",
      text: "What did you expect? I'll cancel it now.",
      at: "2026-11-23T10:00:05Z",
      final: true,
      source: "events",
    });
    await slack.until(
      () => slack.callsOf("chat.postMessage").some((c) => c.args.thread_ts === "1700000000.000100"),
      "the alert in the thread",
    );
    const replies = slack.callsOf("chat.postMessage").filter((c) => c.args.thread_ts === "1700000000.000100");
    expect(replies).toHaveLength(1);
    expect(JSON.stringify(replies[0]!.args.blocks)).toContain("Dismiss");
  });

  it("gives the script to copy as an ephemeral message", async () => {
    const view = fairexit.app.assist.view(sessionId) as AssistView;
    await slack.until(
      () => messagesFor(sessionId, "chat.update").at(-1)?.args.blocks !== undefined,
      "an update",
    );
    const copy = [...messagesFor(sessionId, "chat.update"), posted]
      .flatMap(buttons)
      .find((b) => b.action_id === "fx_script")!;
    expect(copy).toBeDefined();
    await postToSlackEndpoint(events, {
      secret: SECRET,
      contentType: form,
      body: buttonClickBody({
        actionId: copy.action_id,
        value: copy.value,
        user: AGENT,
        channel: CHANNEL,
        messageTs: "1700000000.000100",
        responseUrl: slack.responseUrl("script"),
      }),
    });
    await slack.until(() => slack.responds.some((r) => r.id === "script"), "the script");
    const script = slack.responds.find((r) => r.id === "script")!.body;
    expect(script).toMatchObject({ response_type: "ephemeral", replace_original: false });
    const id = parseButtonValue(copy.value)?.id;
    const expected = view.next.find((s) => s.for === id)?.text ?? "";
    expect(expected.length).toBeGreaterThan(0);
    expect(script.text).toContain(expected);
  });

  it("dismisses an alert from its button", async () => {
    const alert = fairexit.app.assist.view(sessionId)!.alerts.find((a) => !a.dismissed)!;
    await postToSlackEndpoint(events, {
      secret: SECRET,
      contentType: form,
      body: buttonClickBody({
        actionId: "fx_dismiss",
        value: buttonValue(sessionId, alert.id),
        user: AGENT,
        channel: CHANNEL,
        messageTs: "1700000000.000100",
        responseUrl: slack.responseUrl("dismiss"),
      }),
    });
    await slack.until(
      () => fairexit.app.assist.view(sessionId)!.alerts.find((a) => a.id === alert.id)!.dismissed,
      "the dismissal",
    );
  });

  it("answers /fairexit check <draft> ephemerally with the alert and a compliant alternative", async () => {
    const answer = await command("check What did you expect? I will cancel it now.");
    expect(answer.status).toBe(200);
    await slack.until(() => slack.responds.some((r) => r.id === answer.id), "the check's answer");
    const reply = slack.responds.find((r) => r.id === answer.id)!.body;
    expect(reply.response_type).toBe("ephemeral");
    expect(reply.text).toMatch(/Before you say it/);
    expect(reply.text).toMatch(/Say instead: Before I go ahead/);
  });

  it("says which account it could not find", async () => {
    const answer = await command("customer NOPE0000");
    expect(answer.status).toBe(200);
    await slack.until(() => slack.responds.some((r) => r.id === answer.id), "the refusal");
    expect(slack.responds.find((r) => r.id === answer.id)!.body.text).toMatch(/unknown customer "NOPE0000"/);
  });

  it("explains the command when it cannot read it, in the acknowledgement itself", async () => {
    const answer = await command("cancel everything");
    expect(JSON.parse(answer.text).text).toMatch(/Unknown command `cancel`.*\/fairexit customer/);
  });

  it("lists the agent's live sessions on the App Home", async () => {
    const answer = await postToSlackEndpoint(events, {
      secret: SECRET,
      contentType: "application/json",
      body: eventBody({ type: "app_home_opened", user: AGENT, tab: "home", channel: "D0AGENT" }),
    });
    expect(answer.status).toBe(200);
    await slack.until(() => slack.callsOf("views.publish").length > 0, "the App Home");
    const home = slack.callsOf("views.publish")[0]!;
    expect(home.args.user_id).toBe(AGENT);
    expect(JSON.stringify(home.args.view)).toContain(sessionId);
  });
});

describe("sessions a contact-center platform opens", () => {
  it("are posted to SLACK_ASSIST_CHANNEL", async () => {
    await fairexit.app.assist.hear({
      sessionId: "connect-contact-1",
      utteranceId: "c1",
      customerId: "cust-se-moving",
      speaker: "customer",
      text: "I am moving and want to cancel.",
      at: "2026-11-23T10:01:00Z",
      final: true,
      source: "events",
    });
    await slack.until(() => messagesFor("connect-contact-1", "chat.postMessage").length > 0, "the message");
    expect(messagesFor("connect-contact-1", "chat.postMessage")[0]!.args.channel).toBe(CHANNEL);
  });
});

describe("who may use assist from Slack", () => {
  it("refuses a workspace member who is not on SLACK_AGENT_USERS, and opens nothing", async () => {
    const before = fairexit.app.assist.list().length;
    const answer = await command("customer UK318826", "U0STRANGER");
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.text).text).toMatch(/not on FairExit's list of agents/);
    expect(fairexit.app.assist.list().length).toBe(before);
  });

  it("posts to the agent's DM with the app when the bot is not in the channel", async () => {
    slack.failWith("chat.postMessage", "not_in_channel");
    const before = slack.callsOf("chat.postMessage").length;
    await command("customer SE100937", "U0OTHER", "C0NOTJOINED");
    await slack.until(
      () =>
        slack
          .callsOf("chat.postMessage")
          .slice(before)
          .some((c) => c.args.channel === "U0OTHER"),
      "the message in the DM",
    );
    const tries = slack
      .callsOf("chat.postMessage")
      .slice(before)
      .filter((c) => c.args.thread_ts === undefined);
    expect(tries.map((c) => c.args.channel)).toEqual(["C0NOTJOINED", "U0OTHER"]);
  });
});
