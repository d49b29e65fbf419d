/**
 * Twilio real-time transcription callbacks (`<Start><Transcription statusCallbackUrl=…>` or the
 * Calls Transcriptions API), `POST /api/assist/twilio`, form-encoded. The parameters read:
 *
 *   TranscriptionEvent  transcription-started | transcription-content | transcription-stopped
 *                       (| transcription-error, ignored)
 *   CallSid             the session
 *   Track               inbound_track = the caller (customer), outbound_track = the agent
 *   Final               "true" | "false" (partials come only with partialResults on)
 *   TranscriptionData   JSON {"transcript": "…", "confidence": 0.98}
 *   Timestamp           ISO 8601, when Twilio produced it
 *   SequenceId          kept for the log only
 *
 * Twilio names no utterance, so the route numbers them per call and track (UtteranceNumbering):
 * partials and their final become one utterance. The X-Twilio-Signature check is the route's
 * (src/http/twilioSignature.ts) and happens before this runs. No parameter names the agent: the
 * operator puts it in the callback URL (`statusCallbackUrl=…/api/assist/twilio?agent=<id>`),
 * which the signature covers, and the session's agent is `twilio:<id>`.
 */
import { z } from "zod";
import { parsePayload, TranscriptPayloadError } from "./transcriptPayloadError.js";
import { isoAt, nothing, type Translation } from "./translation.js";

const Callback = z.looseObject({
  TranscriptionEvent: z.string().min(1, "expected the transcription event"),
  CallSid: z.string().regex(/^CA[0-9a-fA-F]{32}$/, "expected a Twilio call SID (CA + 32 hex digits)"),
});
const Content = z.looseObject({
  Track: z.enum(["inbound_track", "outbound_track"], { error: "expected inbound_track or outbound_track" }),
  Final: z.enum(["true", "false"], { error: "expected true or false" }),
  TranscriptionData: z.string().min(2, "expected the JSON transcription data"),
  Timestamp: z.iso.datetime({ offset: true, error: "expected an ISO 8601 time" }).optional(),
});
const Data = z.looseObject({
  transcript: z.string().max(16384),
  confidence: z.number().min(0).max(1).optional(),
});

export function translateTwilio(params: Record<string, string>, receivedAtMs: number): Translation {
  const cb = parsePayload(Callback, params);
  switch (cb.TranscriptionEvent) {
    case "transcription-started":
      return { ...nothing(), started: [cb.CallSid] };
    case "transcription-stopped":
      return { ...nothing(), stopped: [cb.CallSid] };
    case "transcription-content":
      break;
    default:
      return nothing();
  }
  const c = parsePayload(Content, params);
  let json: unknown;
  try {
    json = JSON.parse(c.TranscriptionData);
  } catch {
    throw new TranscriptPayloadError("TranscriptionData", 'expected JSON such as {"transcript": "…"}');
  }
  const data = parsePayload(Data, json, "TranscriptionData");
  return {
    utterances: [
      {
        sessionId: cb.CallSid,
        speaker: c.Track === "inbound_track" ? "customer" : "agent",
        text: data.transcript.slice(0, 4000),
        at: isoAt(c.Timestamp ? Date.parse(c.Timestamp) : receivedAtMs),
        final: c.Final === "true",
        source: "twilio",
      },
    ],
    started: [],
    stopped: [],
  };
}
