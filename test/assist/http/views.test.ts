/**
 * The view as data: JSON, server-sent events, and the agent's actions (tick, dismiss, open a
 * customer, end, check a draft), each through the real desk with its audit record.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssistServer, anAssistServer, getJson, type Json, postJson, withKey } from "./assistServer.js";
import { openSse } from "./sseClient.js";

let server: AssistServer;
beforeAll(async () => {
  server = await anAssistServer();
});
afterAll(() => server.close());

const say = (sessionId: string, speaker: "agent" | "customer", text: string, customerId?: string) =>
  postJson(`${server.url}/api/assist/events`, {
    sessionId,
    ...(customerId ? { customerId } : {}),
    speaker,
    text,
    at: "2026-11-23T10:01:00Z",
  });

describe("server-sent events", () => {
  it("a client on the stream receives the new view after an event is posted", async () => {
    const stream = await openSse(`${server.url}/api/assist/stream`, withKey());
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain("text/event-stream");
      await say("sse-1", "customer", "I want to cancel my broadband.", "cust-uk-price-rise");
      const e = await stream.waitFor(
        (e) =>
          e.event === "view" &&
          JSON.parse(e.data).transcript.some((u: Json) => u.text.includes("cancel my broadband")),
      );
      const view = JSON.parse(e.data);
      expect(view.sessionId).toBe("sse-1");
      expect(e.id).toBe(String(view.version));
      expect(view.history.customerId).toBe("cust-uk-price-rise");
    } finally {
      stream.close();
    }
  });

  it("a session's own stream starts with its current view and carries only that session", async () => {
    await say("sse-2", "customer", "Hello.", "cust-uk-price-rise");
    const stream = await openSse(`${server.url}/api/assist/sessions/sse-2/events`, withKey());
    try {
      const first = await stream.waitFor((e) => e.event === "view");
      expect(JSON.parse(first.data).sessionId).toBe("sse-2");
      await say("sse-other", "customer", "Unrelated.");
      await say("sse-2", "agent", "Hello, how can I help?");
      await stream.waitFor((e) => JSON.parse(e.data).transcript.length === 2);
      expect(stream.events.map((e) => JSON.parse(e.data).sessionId)).not.toContain("sse-other");
    } finally {
      stream.close();
    }
  });

  it("refuses a stream without credentials (401) and for an unknown session (404)", async () => {
    expect((await openSse(`${server.url}/api/assist/stream`, {})).status).toBe(401);
    const unknown = await openSse(`${server.url}/api/assist/sessions/nope/events`, withKey());
    expect(unknown.status).toBe(404);
  });
});

describe("the view and the agent's actions", () => {
  it("lists sessions and serves each view as JSON", async () => {
    await say("list-1", "customer", "I'm leaving.", "cust-uk-locked-handset");
    const { status, body } = await getJson(`${server.url}/api/assist/sessions`);
    expect(status).toBe(200);
    expect(body.sessions.find((s: Json) => s.sessionId === "list-1")).toMatchObject({
      customerId: "cust-uk-locked-handset",
      status: "live",
    });
    expect((await getJson(`${server.url}/api/assist/sessions/list-1`)).body.sessionId).toBe("list-1");
    expect((await getJson(`${server.url}/api/assist/sessions/list-1`, {})).status).toBe(401);
  });

  it("ticks a checklist item by hand, recorded with the agent, and 404s an unknown item", async () => {
    await say("act-1", "customer", "I want to leave.", "cust-uk-locked-handset");
    const open = (await getJson(`${server.url}/api/assist/sessions/act-1`)).body.checklist.find(
      (c: Json) => c.topic === "device_unlock",
    );
    expect(open.status).toBe("open");
    const ticked = await postJson(
      `${server.url}/api/assist/sessions/act-1/tick`,
      { obligationId: open.obligationId },
      withKey({ "x-fairexit-agent": "amy.lee" }),
    );
    expect(ticked.status).toBe(200);
    const item = ticked.body.checklist.find((c: Json) => c.obligationId === open.obligationId);
    expect(item).toMatchObject({
      status: "discharged",
      dischargedBy: { kind: "hand", agent: "api:amy.lee" },
    });
    const missing = await postJson(`${server.url}/api/assist/sessions/act-1/tick`, { obligationId: "nope" });
    expect(missing.status).toBe(404);
    const malformed = await postJson(`${server.url}/api/assist/sessions/act-1/tick`, { obligation: "x" });
    expect(malformed.status).toBe(400);
  });

  it("dismisses an alert", async () => {
    await say("act-2", "customer", "I'm cancelling because of the outages.", "cust-uk-paytv-outages");
    const view = (await say("act-2", "agent", "You have to visit a store to cancel.")).body;
    expect(view.accepted).toBe(1);
    const alerts = (await getJson(`${server.url}/api/assist/sessions/act-2`)).body.alerts;
    expect(alerts.length).toBeGreaterThan(0);
    const dismissed = await postJson(`${server.url}/api/assist/sessions/act-2/dismiss`, {
      alertId: alerts[0].id,
    });
    expect(dismissed.status).toBe(200);
    expect(dismissed.body.alerts.find((a: Json) => a.id === alerts[0].id).dismissed).toBe(true);
  });

  it("opens a session with an account, ends it, and checks a draft", async () => {
    const opened = await postJson(`${server.url}/api/assist/sessions/by-hand-1/customer`, {
      account: "UK104552",
    });
    expect(opened.status).toBe(200);
    expect(opened.body.history.name).toContain("Derek");
    expect(
      (await postJson(`${server.url}/api/assist/sessions/by-hand-2/customer`, { customerId: "cust-nobody" }))
        .status,
    ).toBe(404);
    const byId = await postJson(`${server.url}/api/assist/sessions/by-hand-3/customer`, {
      customerId: "cust-uk-paytv-outages",
    });
    expect(byId.body.customerId).toBe("cust-uk-paytv-outages");
    const ended = await postJson(`${server.url}/api/assist/sessions/by-hand-1/end`, {});
    expect(ended.body.status).toBe("ended");
    const check = await postJson(`${server.url}/api/assist/check`, {
      draft: "You have to visit a store to cancel.",
      sessionId: "by-hand-1",
    });
    expect(check.status).toBe(200);
    expect(check.body.ok).toBe(false);
    expect(check.body.alerts.length).toBeGreaterThan(0);
    expect((await postJson(`${server.url}/api/assist/check`, {})).body.error.message).toMatch(/^draft: /);
  });

  it("writes the agent's hand tick to the audit log with who did it", async () => {
    const entries = await server.app.store.audit.read({ conversationId: "assist:act-1" });
    const ticks = entries.filter((e) => JSON.stringify(e).includes('"assist":"tick"'));
    expect(ticks.length).toBe(1);
    expect(JSON.stringify(ticks[0])).toContain("api:amy.lee");
  });
});

describe("shutting down", () => {
  it("ends open streams, so the server closes while a console is connected", async () => {
    const other = await anAssistServer();
    const stream = await openSse(`${other.url}/api/assist/stream`, withKey());
    expect(stream.status).toBe(200);
    const closed = await Promise.race([
      other.close().then(() => "closed"),
      new Promise((r) => setTimeout(() => r("still open after 10 s"), 10_000)),
    ]);
    expect(closed).toBe("closed");
    stream.close();
  });
});
