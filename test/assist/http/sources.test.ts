/**
 * Each transcript source through HTTP with its real payload shape: accepted and visible in the
 * view; a bad key refused (401) and a malformed payload refused (400 naming the field) with
 * nothing stored; a partial then its final is one utterance.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AssistServer, anAssistServer, getJson, type Json, postJson, withKey } from "./assistServer.js";

const fixture = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, "fixtures", name), "utf8")) as Json;

let server: AssistServer;
beforeAll(async () => {
  server = await anAssistServer();
});
afterAll(() => server.close());

const viewOf = (id: string) => getJson(`${server.url}/api/assist/sessions/${encodeURIComponent(id)}`);
const wrongKey = {
  authorization: "Bearer not-the-key-at-all-not-the-key-at-all",
  "content-type": "application/json",
};

describe("POST /api/assist/events (generic)", () => {
  const event = (over: Record<string, unknown> = {}) => ({
    sessionId: "gen-1",
    customerId: "cust-uk-locked-handset",
    speaker: "agent",
    text: "To keep your number, text PAC to 65075. The code arrives by text within a minute and is valid for 30 days.",
    at: "2026-11-23T10:00:03Z",
    ...over,
  });

  it("accepts one event and the view shows it, with the porting code ticked by the agent's words", async () => {
    const posted = await postJson(`${server.url}/api/assist/events`, event());
    expect(posted.status).toBe(200);
    expect(posted.body.accepted).toBe(1);
    const { status, body } = await viewOf("gen-1");
    expect(status).toBe(200);
    expect(body.customerId).toBe("cust-uk-locked-handset");
    expect(body.transcript.map((u: Json) => u.text)).toEqual([event().text]);
    const porting = body.checklist.find((c: Json) => c.topic === "porting_code");
    expect(porting.status).toBe("discharged");
    expect(porting.dischargedBy.kind).toBe("speech");
  });

  it("accepts a batch, as an array and as {events: [...]}", async () => {
    const a = await postJson(`${server.url}/api/assist/events`, [
      event({ sessionId: "gen-batch", speaker: "customer", text: "I want to leave." }),
      event({ sessionId: "gen-batch", text: "I can help with that." }),
    ]);
    expect(a.status).toBe(200);
    const b = await postJson(`${server.url}/api/assist/events`, {
      events: [event({ sessionId: "gen-batch", speaker: "customer", text: "Thanks." })],
    });
    expect(b.status).toBe(200);
    const { body } = await viewOf("gen-batch");
    expect(body.transcript.map((u: Json) => u.text)).toEqual([
      "I want to leave.",
      "I can help with that.",
      "Thanks.",
    ]);
  });

  it("refuses a wrong key, and a missing one, with 401 and stores nothing", async () => {
    expect(
      (await postJson(`${server.url}/api/assist/events`, event({ sessionId: "gen-401" }), wrongKey)).status,
    ).toBe(401);
    const none = await postJson(`${server.url}/api/assist/events`, event({ sessionId: "gen-401" }), {
      "content-type": "application/json",
    });
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe("NotSignedIn");
    expect((await viewOf("gen-401")).status).toBe(404);
  });

  it("refuses a malformed batch with 400 naming the field, and stores none of it", async () => {
    const bad = await postJson(`${server.url}/api/assist/events`, [
      event({ sessionId: "gen-400" }),
      event({ sessionId: "gen-400", speaker: "supervisor" }),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^\[1\]\.speaker: /);
    const noTime = await postJson(
      `${server.url}/api/assist/events`,
      event({ sessionId: "gen-400", at: "yesterday" }),
    );
    expect(noTime.body.error.message).toMatch(/^at: expected an ISO date-time/);
    const unknown = await postJson(
      `${server.url}/api/assist/events`,
      event({ sessionId: "gen-400", customerId: "cust-nobody" }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("customerId");
    expect((await viewOf("gen-400")).status).toBe(404);
  });

  it("makes one utterance of a partial and its final", async () => {
    await postJson(
      `${server.url}/api/assist/events`,
      event({ sessionId: "gen-partial", text: "To keep your", final: false }),
    );
    const partial = await viewOf("gen-partial");
    expect(partial.body.transcript).toMatchObject([{ text: "To keep your", final: false }]);
    await postJson(`${server.url}/api/assist/events`, event({ sessionId: "gen-partial", final: true }));
    await postJson(
      `${server.url}/api/assist/events`,
      event({ sessionId: "gen-partial", text: "Anything else?" }),
    );
    const { body } = await viewOf("gen-partial");
    expect(body.transcript.map((u: Json) => [u.text, u.final])).toEqual([
      [event().text, true],
      ["Anything else?", true],
    ]);
  });

  it("answers 404 for unknown route parts", async () => {
    expect((await postJson(`${server.url}/api/assist/nowhere`, event())).status).toBe(404);
    expect((await getJson(`${server.url}/api/assist/sessions/gen-1/nothing`)).status).toBe(404);
  });
});

describe("POST /api/assist/amazon-connect (Contact Lens real-time segments)", () => {
  const url = () => `${server.url}/api/assist/amazon-connect`;
  const contact = "a1b2c3d4-5678-90ab-cdef-EXAMPLE22222";

  it("joins the Utterance pieces into one partial, which the Transcript then replaces", async () => {
    const first = await postJson(url(), fixture("contact-lens-segments.json"));
    expect(first.status).toBe(200);
    expect(first.body.accepted).toBe(2);
    const partial = await viewOf(contact);
    expect(partial.body.transcript.map((u: Json) => [u.speaker, u.text, u.final])).toEqual([
      ["customer", "I'd like to leave and take my number with me.", true],
      ["agent", "To keep your number, text PAC to 65075. The code arrives by text within a minute", false],
    ]);
    expect((await postJson(url(), fixture("contact-lens-final.json"))).status).toBe(200);
    const { body } = await viewOf(contact);
    expect(body.transcript).toHaveLength(2);
    expect(body.transcript[1]).toMatchObject({ speaker: "agent", final: true });
    expect(body.transcript[1].text).toContain("valid for 30 days");
  });

  it("refuses a bad key (401) and a missing ContactId or a bad role (400 naming the field), storing nothing", async () => {
    const other = { ...fixture("contact-lens-final.json"), ContactId: "contact-refused" };
    expect((await postJson(url(), other, wrongKey)).status).toBe(401);
    const { ContactId: _, ...noContact } = other;
    const missing = await postJson(url(), noContact);
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toMatch(/^ContactId: /);
    const badRole = structuredClone(other) as Json;
    badRole.Segments[0].Transcript.ParticipantRole = "CALLER";
    const role = await postJson(url(), badRole);
    expect(role.body.error.message).toMatch(
      /^Segments\[0\]\.Transcript\.ParticipantRole: expected AGENT, CUSTOMER/,
    );
    expect((await viewOf("contact-refused")).status).toBe(404);
  });

  it("opens the session on STARTED and ends it on COMPLETED", async () => {
    const base = {
      Version: "1.0.0",
      Channel: "VOICE",
      ContactId: "contact-lifecycle",
      LanguageCode: "en-GB",
    };
    expect((await postJson(url(), { ...base, EventType: "STARTED" })).status).toBe(200);
    expect((await viewOf("contact-lifecycle")).body.status).not.toBe("ended");
    expect((await postJson(url(), { ...base, EventType: "COMPLETED" })).status).toBe(200);
    expect((await viewOf("contact-lifecycle")).body.status).toBe("ended");
  });

  it("takes no cookie-less caller without the key, even with a console Origin", async () => {
    const r = await postJson(url(), fixture("contact-lens-final.json"), {
      "content-type": "application/json",
      origin: server.url,
    });
    expect(r.status).toBe(401);
  });
});

describe("POST /api/assist/genesys (transcription notifications)", () => {
  const url = () => `${server.url}/api/assist/genesys`;
  const conversation = "3f1a9c52-7d0e-4b8f-9a61-5c2e8d7b4a10";

  it("reads channel, isFinal and the most confident alternative, and the final replaces the partial", async () => {
    const n = fixture("genesys-transcription.json");
    expect((await postJson(url(), n)).status).toBe(200);
    const first = await viewOf(conversation);
    expect(first.body.transcript.map((u: Json) => [u.speaker, u.text, u.final])).toEqual([
      ["customer", "I want to cancel my TV and broadband.", true],
      ["agent", "Well what did", false],
    ]);
    expect(first.body.transcript[0].at).toBe(new Date(1795428001000 + 2100).toISOString());
    const final = structuredClone(n);
    final.eventBody.transcripts = [
      {
        ...n.eventBody.transcripts[1],
        isFinal: true,
        alternatives: [
          { confidence: 0.94, offsetMs: 5200, durationMs: 2100, transcript: "Well, what did you expect?" },
        ],
      },
    ];
    expect((await postJson(url(), final)).status).toBe(200);
    const { body } = await viewOf(conversation);
    expect(body.transcript.map((u: Json) => [u.text, u.final])).toEqual([
      ["I want to cancel my TV and broadband.", true],
      ["Well, what did you expect?", true],
    ]);
  });

  it("refuses a bad key (401) and a topic that names another conversation (400), storing nothing", async () => {
    const n = fixture("genesys-transcription.json");
    n.topicName = "v2.conversations.conv-refused.transcription";
    n.eventBody.conversationId = "conv-refused";
    expect((await postJson(url(), n, wrongKey)).status).toBe(401);
    const mismatch = structuredClone(n);
    mismatch.topicName = "v2.conversations.someone-else.transcription";
    const r = await postJson(url(), mismatch);
    expect(r.status).toBe(400);
    expect(r.body.error.message).toMatch(/^eventBody\.conversationId: /);
    const noFinal = structuredClone(n);
    delete noFinal.eventBody.transcripts[0].isFinal;
    expect((await postJson(url(), noFinal)).body.error.message).toMatch(
      /^eventBody\.transcripts\[0\]\.isFinal: /,
    );
    expect((await viewOf("conv-refused")).status).toBe(404);
  });
});

describe("without FAIREXIT_ASSIST_API_KEY", () => {
  it("refuses API callers with 503 saying so, and never lets them in", async () => {
    const off = await anAssistServer({ FAIREXIT_ASSIST_API_KEY: "" });
    try {
      const r = await postJson(`${off.url}/api/assist/events`, { sessionId: "x" }, withKey());
      expect(r.status).toBe(503);
      expect(r.body.error.message).toContain("FAIREXIT_ASSIST_API_KEY");
      expect((await getJson(`${off.url}/api/assist/sessions`, {})).status).toBe(401);
    } finally {
      await off.close();
    }
  });
});
