/**
 * Twilio real-time transcription callbacks: form-encoded, signed with X-Twilio-Signature. The
 * signature is checked against Twilio's published example, and the requests here are signed in
 * the test itself from the documented algorithm (HMAC-SHA1 of the URL and the sorted
 * parameters, base64), independently of src/http/twilioSignature.ts.
 */
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twilioSignature, validTwilioSignature } from "../../../src/http/twilioSignature.js";
import { type AssistServer, anAssistServer, getJson, type Json, TWILIO_TOKEN } from "./assistServer.js";

/** Twilio's documented algorithm, written out again here. */
function signedByTwilio(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .reduce((acc, key) => acc + key + params[key], url);
  return createHmac("sha1", authToken).update(Buffer.from(data, "utf-8")).digest("base64");
}

describe("the X-Twilio-Signature algorithm", () => {
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const params = {
    CallSid: "CA1234567890ABCDE",
    Caller: "+14158675309",
    Digits: "1234",
    From: "+14158675309",
    To: "+18005551212",
  };

  it("gives the signature of Twilio's published example (auth token 12345)", () => {
    expect(twilioSignature("12345", url, Object.entries(params))).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(signedByTwilio("12345", url, params)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
  });

  it("fails when the URL, a value or the token differs", () => {
    const good = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";
    expect(validTwilioSignature("12345", good, url, Object.entries(params))).toBe(true);
    expect(validTwilioSignature("12345", good, `${url}&x=1`, Object.entries(params))).toBe(false);
    expect(validTwilioSignature("12345", good, url, Object.entries({ ...params, Digits: "9999" }))).toBe(
      false,
    );
    expect(validTwilioSignature("54321", good, url, Object.entries(params))).toBe(false);
    expect(validTwilioSignature("12345", undefined, url, Object.entries(params))).toBe(false);
  });
});

const PUBLIC_URL = "https://assist.example.com";
const CALL = "CA0123456789abcdef0123456789abcdef";

let server: AssistServer;
beforeAll(async () => {
  // Behind a proxy: Twilio calls https://assist.example.com, FairExit listens on 127.0.0.1.
  server = await anAssistServer({ FAIREXIT_PUBLIC_URL: PUBLIC_URL });
});
afterAll(() => server.close());

const callback = (over: Record<string, string> = {}): Record<string, string> => ({
  AccountSid: "AC0123456789abcdef0123456789abcdef",
  CallSid: CALL,
  TranscriptionSid: "GT0123456789abcdef0123456789abcdef",
  Timestamp: "2026-11-23T10:00:05.123456Z",
  TranscriptionEvent: "transcription-content",
  LanguageCode: "en-GB",
  Track: "outbound_track",
  Final: "true",
  SequenceId: "3",
  TranscriptionData: JSON.stringify({ transcript: "Well, what did you expect?", confidence: 0.93 }),
  ...over,
});

async function postTwilio(params: Record<string, string>, signature?: string, path = "/api/assist/twilio") {
  const res = await fetch(`${server.url}${path}`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "x-twilio-signature": signature ?? signedByTwilio(TWILIO_TOKEN, `${PUBLIC_URL}${path}`, params),
    },
    body: new URLSearchParams(params).toString(),
  });
  return { status: res.status, body: (await res.json()) as Json };
}

const viewOf = (id: string) => getJson(`${server.url}/api/assist/sessions/${id}`);

describe("POST /api/assist/twilio", () => {
  it("accepts a signed callback (URL from FAIREXIT_PUBLIC_URL): outbound_track is the agent", async () => {
    const r = await postTwilio(callback());
    expect(r.status).toBe(200);
    const { body } = await viewOf(CALL);
    expect(body.transcript).toMatchObject([
      { speaker: "agent", text: "Well, what did you expect?", final: true, at: "2026-11-23T10:00:05.123Z" },
    ]);
  });

  it("makes one utterance of partials and their final on the same track", async () => {
    const call = "CA1111111111abcdef0123456789abcdef";
    const say = (text: string, final: boolean) =>
      postTwilio(
        callback({
          CallSid: call,
          Track: "inbound_track",
          Final: String(final),
          TranscriptionData: JSON.stringify({ transcript: text, confidence: 0.8 }),
        }),
      );
    expect((await say("I want to", false)).status).toBe(200);
    expect((await say("I want to cancel", false)).status).toBe(200);
    expect((await viewOf(call)).body.transcript).toMatchObject([
      { speaker: "customer", text: "I want to cancel", final: false },
    ]);
    await say("I want to cancel everything.", true);
    await say("Now.", true);
    expect((await viewOf(call)).body.transcript.map((u: Json) => [u.text, u.final])).toEqual([
      ["I want to cancel everything.", true],
      ["Now.", true],
    ]);
  });

  it("refuses a bad signature, one for another host, and none, with 401, storing nothing", async () => {
    const call = "CA2222222222abcdef0123456789abcdef";
    const params = callback({ CallSid: call });
    expect((await postTwilio(params, "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")).status).toBe(401);
    const forLocalHost = signedByTwilio(TWILIO_TOKEN, `${server.url}/api/assist/twilio`, params);
    expect((await postTwilio(params, forLocalHost)).status).toBe(401);
    const tampered = signedByTwilio(TWILIO_TOKEN, `${PUBLIC_URL}/api/assist/twilio`, params);
    expect((await postTwilio({ ...params, Track: "inbound_track" }, tampered)).status).toBe(401);
    expect((await postTwilio(params, "")).status).toBe(401);
    expect((await viewOf(call)).status).toBe(404);
  });

  it("refuses a signed but malformed callback with 400 naming the parameter, storing nothing", async () => {
    const call = "CA3333333333abcdef0123456789abcdef";
    const badTrack = await postTwilio(callback({ CallSid: call, Track: "both_tracks" }));
    expect(badTrack.status).toBe(400);
    expect(badTrack.body.error.message).toMatch(/^Track: expected inbound_track or outbound_track/);
    const badData = await postTwilio(callback({ CallSid: call, TranscriptionData: "{not json" }));
    expect(badData.body.error.message).toMatch(/^TranscriptionData: expected JSON/);
    const noText = await postTwilio(
      callback({ CallSid: call, TranscriptionData: JSON.stringify({ confidence: 1 }) }),
    );
    expect(noText.body.error.message).toMatch(/^TranscriptionData\.transcript: /);
    expect((await viewOf(call)).status).toBe(404);
  });

  it("ends the session on transcription-stopped", async () => {
    const call = "CA4444444444abcdef0123456789abcdef";
    await postTwilio(callback({ CallSid: call, TranscriptionEvent: "transcription-started" }));
    await postTwilio(callback({ CallSid: call }));
    expect(
      (await postTwilio(callback({ CallSid: call, TranscriptionEvent: "transcription-stopped" }))).status,
    ).toBe(200);
    expect((await viewOf(call)).body.status).toBe("ended");
  });

  it("takes form bodies on this route only: elsewhere they stay 415", async () => {
    const res = await fetch(`${server.url}/api/assist/events`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", authorization: "Bearer x" },
      body: "a=1",
    });
    expect(res.status).toBe(415);
  });

  it("answers 503 when FAIREXIT_TWILIO_AUTH_TOKEN is not set", async () => {
    const off = await anAssistServer({ FAIREXIT_TWILIO_AUTH_TOKEN: "" });
    try {
      const res = await fetch(`${off.url}/api/assist/twilio`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": "x" },
        body: new URLSearchParams(callback()).toString(),
      });
      expect(res.status).toBe(503);
    } finally {
      await off.close();
    }
  });
});
