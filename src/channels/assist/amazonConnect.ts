/**
 * Amazon Connect Contact Lens real-time analysis, `POST /api/assist/amazon-connect`: one event of
 * the real-time contact analysis segment stream (Kinesis Data Streams, voice, schema 1.0.0) as a
 * relay (e.g. a Lambda on the stream) forwards it:
 *
 *   { "Version": "1.0.0", "Channel": "VOICE", "ContactId": "…", "EventType": "SEGMENTS",
 *     "Segments": [ { "Utterance": { "Id", "TranscriptId", "ParticipantRole": "AGENT",
 *                                    "PartialContent", "BeginOffsetMillis", "EndOffsetMillis" } },
 *                   { "Transcript": { "Id", "ParticipantId", "ParticipantRole", "Content",
 *                                     "BeginOffsetMillis", "EndOffsetMillis", "Sentiment" } } ] }
 *
 * A `ListRealtimeContactAnalysisSegments` response (`{ Segments: [...] }`) is accepted too when
 * the relay adds `ContactId`. A Transcript is final; the Utterance pieces of a transcript not yet
 * final are joined into one partial under the transcript's id, so the final replaces it.
 * Roles other than AGENT and CUSTOMER (SYSTEM, CUSTOM_BOT, SUPERVISOR) and other segment kinds
 * (Categories, PostContactSummary) are skipped. STARTED opens the session; COMPLETED and FAILED
 * end it. Contact Lens gives offsets from the start of the contact, not clock times, so `at` is
 * when FairExit received the event. The stream names no agent (a voice segment's `ParticipantId`
 * is the role, `AGENT`): the relay passes the contact's `AgentInfo.Id` (DescribeContact) as the
 * route's `agent` query parameter, and the session's agent is `connect:<that id>`.
 */
import { z } from "zod";
import { parsePayload } from "./transcriptPayloadError.js";
import { isoAt, nothing, type Translation, type UtteranceDraft } from "./translation.js";

const Role = z.enum(["AGENT", "CUSTOMER", "SYSTEM", "CUSTOM_BOT", "SUPERVISOR"], {
  error: "expected AGENT, CUSTOMER, SYSTEM, CUSTOM_BOT or SUPERVISOR",
});
const Millis = z.number().int().nonnegative();

const Transcript = z.looseObject({
  Id: z.string().min(1).max(256),
  ParticipantId: z.string().min(1).max(256),
  ParticipantRole: Role,
  Content: z.string().max(16384),
  BeginOffsetMillis: Millis,
  EndOffsetMillis: Millis,
  Sentiment: z.enum(["POSITIVE", "NEUTRAL", "NEGATIVE"]).optional(),
});
const Utterance = z.looseObject({
  Id: z.string().min(1).max(256),
  TranscriptId: z.string().min(1).max(256),
  ParticipantId: z.string().min(1).max(256).optional(),
  ParticipantRole: Role,
  PartialContent: z.string().max(16384),
  BeginOffsetMillis: Millis.optional(),
  EndOffsetMillis: Millis.optional(),
});
const Segment = z.looseObject({ Transcript: Transcript.optional(), Utterance: Utterance.optional() });

const ContactLensEvent = z.looseObject({
  Version: z.string().optional(),
  Channel: z.enum(["VOICE", "CHAT", "TASK"]).optional(),
  ContactId: z.string().min(1, "expected the contact id").max(256),
  EventType: z
    .enum(["STARTED", "SEGMENTS", "COMPLETED", "FAILED"], {
      error: "expected STARTED, SEGMENTS, COMPLETED or FAILED",
    })
    .default("SEGMENTS"),
  Segments: z.array(Segment).max(1000).optional(),
});

const SPEAKER = { AGENT: "agent", CUSTOMER: "customer" } as const;
const speakerOf = (role: z.infer<typeof Role>) =>
  role === "AGENT" || role === "CUSTOMER" ? SPEAKER[role] : undefined;

const MAX_TEXT = 4000;

export function translateContactLens(body: unknown, receivedAtMs: number): Translation {
  const event = parsePayload(ContactLensEvent, body);
  const sessionId = event.ContactId;
  if (event.EventType === "STARTED") return { ...nothing(), started: [sessionId] };
  if (event.EventType === "COMPLETED" || event.EventType === "FAILED")
    return { ...nothing(), stopped: [sessionId] };
  const segments = event.Segments ?? [];
  const finals = new Set(segments.flatMap((s) => (s.Transcript ? [s.Transcript.Id] : [])));
  const at = isoAt(receivedAtMs);
  const utterances: UtteranceDraft[] = [];
  const partials = new Map<string, UtteranceDraft>();
  for (const s of segments) {
    if (s.Transcript) {
      const speaker = speakerOf(s.Transcript.ParticipantRole);
      if (!speaker) continue;
      utterances.push({
        sessionId,
        utteranceId: s.Transcript.Id,
        speaker,
        text: s.Transcript.Content.slice(0, MAX_TEXT),
        at,
        final: true,
        source: "amazon-connect",
      });
    } else if (s.Utterance && !finals.has(s.Utterance.TranscriptId)) {
      const speaker = speakerOf(s.Utterance.ParticipantRole);
      if (!speaker) continue;
      const known = partials.get(s.Utterance.TranscriptId);
      if (known) {
        known.text = `${known.text} ${s.Utterance.PartialContent}`.trim().slice(0, MAX_TEXT);
        continue;
      }
      const draft: UtteranceDraft = {
        sessionId,
        utteranceId: s.Utterance.TranscriptId,
        speaker,
        text: s.Utterance.PartialContent.slice(0, MAX_TEXT),
        at,
        final: false,
        source: "amazon-connect",
      };
      partials.set(s.Utterance.TranscriptId, draft);
      utterances.push(draft);
    }
  }
  return { utterances, started: [], stopped: [] };
}
