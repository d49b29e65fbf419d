/**
 * The agent on a platform's call, through the real HTTP routes: generic events name them in
 * `agentId`, the three platforms (whose payloads name no agent) in the route's `agent` query
 * parameter. The session records the namespaced id, alerts on the agent's words and the audit
 * entries of what they said carry it, and the supervisors' report attributes their tone alerts to
 * them. A malformed agent id is 400 naming the field, and nothing is stored.
 */
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type AssistServer,
  anAssistServer,
  getJson,
  type Json,
  postJson,
  TWILIO_TOKEN,
} from "./assistServer.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")) as Json;

const PUBLIC_URL = "https://assist.example.com";
const RUDE = "Well, what did you expect?";
const PAC =
  "To keep your number, text PAC to 65075. The code arrives by text within a minute and is valid for 30 days.";

let server: AssistServer;
beforeAll(async () => {
  server = await anAssistServer({ FAIREXIT_PUBLIC_URL: PUBLIC_URL });
});
afterAll(() => server.close());

const viewOf = async (id: string) =>
  (await getJson(`${server.url}/api/assist/sessions/${encodeURIComponent(id)}`)).body;
const auditOf = (id: string) => server.app.store.audit.read({ conversationId: `assist:${id}` });
const event = (over: Record<string, unknown> = {}) => ({
  sessionId: "agent-gen-1",
  customerId: "cust-uk-locked-handset",
  speaker: "agent",
  text: RUDE,
  at: "2026-11-23T10:00:03Z",
  ...over,
});

describe("generic events name the agent in agentId", () => {
  it("records api:<agentId> on the session, on the alert and in the audit of the words heard", async () => {
    const posted = await postJson(`${server.url}/api/assist/events`, [
      event({ speaker: "customer", text: "I want to leave.", agentId: "jo.smith" }),
      event({ agentId: "jo.smith" }),
      event({ agentId: "jo.smith", text: PAC }),
    ]);
    expect(posted.status).toBe(200);
    const view = await viewOf("agent-gen-1");
    expect(view.agents).toEqual(["api:jo.smith"]);
    const tone = view.alerts.find((a: Json) => a.kind === "tone");
    expect(tone.utterance).toMatchObject({ text: RUDE, agentId: "api:jo.smith" });
    // The customer's words are the customer's: no agent on them.
    expect(view.transcript[0].agentId).toBeUndefined();

    const audit = await auditOf("agent-gen-1");
    const alert = audit.find((e) => e.kind === "assist_alert" && e.data.alertId === tone.id);
    expect(alert?.data).toMatchObject({ kind: "tone", agent: "api:jo.smith", via: "platform" });
    const discharge = audit.find((e) => e.data.assist === "discharge");
    expect(discharge?.data).toMatchObject({ by: "speech", agent: "api:jo.smith" });
    const open = audit.find((e) => e.data.assist === "open");
    expect(open?.data).toMatchObject({ agent: "api:jo.smith", via: "platform" });
  });

  it("adds a second agent when the call is transferred", async () => {
    await postJson(`${server.url}/api/assist/events`, [
      event({ sessionId: "agent-gen-2", agentId: "jo.smith", text: "Let me pass you on." }),
      event({ sessionId: "agent-gen-2", agentId: "sam", text: "Hello, I'm taking over." }),
    ]);
    expect((await viewOf("agent-gen-2")).agents).toEqual(["api:jo.smith", "api:sam"]);
  });

  it("refuses a bad agentId with 400 naming the field, storing nothing", async () => {
    for (const [agentId, where] of [
      ["jo smith", /^agentId: expected 1 to 64 letters/],
      ["genesys:abc", /^agentId: /],
      ["x".repeat(65), /^agentId: /],
      ["", /^agentId: /],
      [42, /^agentId: /],
    ] as const) {
      const r = await postJson(`${server.url}/api/assist/events`, event({ sessionId: "agent-bad", agentId }));
      expect(r.status, String(agentId)).toBe(400);
      expect(r.body.error.message).toMatch(where);
    }
    const batch = await postJson(`${server.url}/api/assist/events`, {
      events: [
        event({ sessionId: "agent-bad", agentId: "ok" }),
        event({ sessionId: "agent-bad", agentId: "<b>" }),
      ],
    });
    expect(batch.body.error.message).toMatch(/^events\[1\]\.agentId: /);
    expect((await getJson(`${server.url}/api/assist/sessions/agent-bad`)).status).toBe(404);
  });
});

describe("Amazon Connect and Genesys Cloud: the agent query parameter", () => {
  it("Contact Lens: connect:<AgentInfo.Id> from STARTED on, on the agent's partial words too", async () => {
    const contact = "agent-connect-1";
    const agent = "5d5f1b3c-0a2e-4c7b-9d1e-7f3a2b1c0d9e";
    const started = await postJson(`${server.url}/api/assist/amazon-connect?agent=${agent}`, {
      Version: "1.0.0",
      Channel: "VOICE",
      ContactId: contact,
      EventType: "STARTED",
    });
    expect(started.status).toBe(200);
    expect((await viewOf(contact)).agents).toEqual([`connect:${agent}`]);
    const segments = { ...fixture("contact-lens-segments.json"), ContactId: contact };
    expect((await postJson(`${server.url}/api/assist/amazon-connect?agent=${agent}`, segments)).status).toBe(
      200,
    );
    const view = await viewOf(contact);
    expect(view.transcript.map((u: Json) => [u.speaker, u.agentId ?? null])).toEqual([
      ["customer", null],
      ["agent", `connect:${agent}`],
    ]);
  });

  it("Genesys: genesys:<userId>, and the tone alert on the agent's final words is theirs", async () => {
    const n = fixture("genesys-transcription.json");
    const id: string = n.eventBody.conversationId;
    n.eventBody.transcripts[1].isFinal = true;
    n.eventBody.transcripts[1].alternatives[0].transcript = RUDE;
    const user = "0c3b5f2a-8e41-4d7a-b6c9-2e1f0a9d8c7b";
    expect((await postJson(`${server.url}/api/assist/genesys?agent=${user}`, n)).status).toBe(200);
    const view = await viewOf(id);
    expect(view.agents).toEqual([`genesys:${user}`]);
    expect(view.alerts.find((a: Json) => a.kind === "tone").utterance.agentId).toBe(`genesys:${user}`);
  });

  it("refuses a malformed or repeated agent parameter with 400 naming it, storing nothing", async () => {
    const n = fixture("genesys-transcription.json");
    for (const query of ["agent=a%20b", "agent=", "agent=a&agent=b", `agent=${"x".repeat(65)}`]) {
      const r = await postJson(`${server.url}/api/assist/genesys?${query}`, n);
      expect(r.status, query).toBe(400);
      expect(r.body.error.message).toMatch(/^agent: expected/);
    }
    const c = await postJson(`${server.url}/api/assist/amazon-connect?agent=a:b`, {
      ...fixture("contact-lens-segments.json"),
      ContactId: "agent-connect-bad",
    });
    expect(c.status).toBe(400);
    expect(c.body.error.message).toMatch(/^agent: /);
    expect((await getJson(`${server.url}/api/assist/sessions/agent-connect-bad`)).status).toBe(404);
  });
});

describe("Twilio: the agent in the signed callback URL", () => {
  const CALL = "CA9999999999abcdef0123456789abcdef";
  const sign = (url: string, params: Record<string, string>) =>
    createHmac("sha1", TWILIO_TOKEN)
      .update(
        Object.keys(params)
          .sort()
          .reduce((acc, k) => acc + k + params[k], url),
      )
      .digest("base64");
  const params = {
    AccountSid: "AC0123456789abcdef0123456789abcdef",
    CallSid: CALL,
    TranscriptionEvent: "transcription-content",
    Track: "outbound_track",
    Final: "true",
    Timestamp: "2026-11-23T10:00:05Z",
    TranscriptionData: JSON.stringify({ transcript: RUDE, confidence: 0.9 }),
  };
  const post = (path: string, signedPath = path) =>
    fetch(`${server.url}${path}`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        "x-twilio-signature": sign(`${PUBLIC_URL}${signedPath}`, params),
      },
      body: new URLSearchParams(params).toString(),
    });

  it("refuses an agent added to a URL Twilio did not sign (401), and names a bad one (400)", async () => {
    expect((await post("/api/assist/twilio?agent=mallory", "/api/assist/twilio")).status).toBe(401);
    const bad = await post("/api/assist/twilio?agent=a%2Fb");
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Json).error.message).toMatch(/^agent: /);
    expect((await getJson(`${server.url}/api/assist/sessions/${CALL}`)).status).toBe(404);
  });

  it("records twilio:<agent> from the signed statusCallbackUrl", async () => {
    expect((await post("/api/assist/twilio?agent=WK0123")).status).toBe(200);
    const view = await viewOf(CALL);
    expect(view.agents).toEqual(["twilio:WK0123"]);
    expect(view.transcript[0]).toMatchObject({ speaker: "agent", agentId: "twilio:WK0123" });
  });
});

describe("the supervisors' report", () => {
  it("attributes platform-fed tone alerts to the agent who said the words", async () => {
    const report = await server.app.insights.report({ from: "2026-11-23", to: "2026-11-23" });
    const byAgent = Object.fromEntries(
      report.policyKept.agentToneAlerts.byAgent.map((f) => [f.label, f.conversationIds]),
    );
    expect(byAgent["api:jo.smith"]).toEqual(["assist:agent-gen-1"]);
    expect(byAgent["genesys:0c3b5f2a-8e41-4d7a-b6c9-2e1f0a9d8c7b"]).toEqual([
      "assist:3f1a9c52-7d0e-4b8f-9a61-5c2e8d7b4a10",
    ]);
    expect(byAgent["twilio:WK0123"]).toEqual(["assist:CA9999999999abcdef0123456789abcdef"]);
    expect(byAgent.unknown).toBeUndefined();
  });
});
