/**
 * Genesys Cloud transcription notifications, `POST /api/assist/genesys`: one notification of the
 * topic `v2.conversations.{id}.transcription` as a relay (the notification WebSocket or the
 * Amazon EventBridge integration) forwards it:
 *
 *   { "topicName": "v2.conversations.<id>.transcription",
 *     "eventBody": { "conversationId": "<id>", "eventTime": "…", "transcriptionStartTimeMs": …,
 *                    "transcripts": [ { "utteranceId", "isFinal", "channel": "INTERNAL",
 *                                       "alternatives": [ { "transcript", "confidence",
 *                                                           "offsetMs", "durationMs" } ] } ] } }
 *
 * channel INTERNAL is the agent, EXTERNAL the customer (others are skipped); the most confident
 * alternative is taken. `at` is the transcription start plus the alternative's offset when both
 * are given, else the event time, else when FairExit received it. The topic names no agent
 * (`communicationId` is a leg of the call, `agentAssistantId` an assistant, not a person): the
 * relay passes the agent participant's `userId` as the route's `agent` query parameter, and the
 * session's agent is `genesys:<userId>`.
 */
import { z } from "zod";
import { IsoDateTime } from "../../domain/customer.js";
import { parsePayload, TranscriptPayloadError } from "./transcriptPayloadError.js";
import { isoAt, type Translation, type UtteranceDraft } from "./translation.js";

const TOPIC = /^v2\.conversations\.([^.]{1,200})\.transcription$/;

const Alternative = z.looseObject({
  transcript: z.string().max(16384),
  confidence: z.number().min(0).max(1).optional(),
  offsetMs: z.number().int().nonnegative().optional(),
  durationMs: z.number().int().nonnegative().optional(),
});
const TranscriptResult = z.looseObject({
  utteranceId: z.string().min(1).max(200),
  isFinal: z.boolean(),
  channel: z.string().min(1),
  alternatives: z.array(Alternative).max(20),
});
const Notification = z.looseObject({
  topicName: z.string().regex(TOPIC, "expected v2.conversations.{id}.transcription"),
  eventBody: z.looseObject({
    conversationId: z.string().min(1).max(200),
    eventTime: IsoDateTime.optional(),
    transcriptionStartTimeMs: z.number().int().nonnegative().optional(),
    transcripts: z.array(TranscriptResult).max(500).optional(),
  }),
});

const SPEAKER: Record<string, "agent" | "customer"> = { INTERNAL: "agent", EXTERNAL: "customer" };

export function translateGenesys(body: unknown, receivedAtMs: number): Translation {
  const n = parsePayload(Notification, body);
  const sessionId = n.eventBody.conversationId;
  if (TOPIC.exec(n.topicName)![1] !== sessionId)
    throw new TranscriptPayloadError(
      "eventBody.conversationId",
      "expected the conversation id named in topicName",
    );
  const utterances: UtteranceDraft[] = [];
  for (const t of n.eventBody.transcripts ?? []) {
    const speaker = SPEAKER[t.channel];
    const best = [...t.alternatives].sort((a, b) => (b.confidence ?? 0) - (a.confidence ?? 0))[0];
    if (!speaker || !best) continue;
    const start = n.eventBody.transcriptionStartTimeMs;
    const atMs =
      start !== undefined && best.offsetMs !== undefined
        ? start + best.offsetMs
        : n.eventBody.eventTime
          ? Date.parse(n.eventBody.eventTime)
          : receivedAtMs;
    utterances.push({
      sessionId,
      utteranceId: t.utteranceId,
      speaker,
      text: best.transcript.slice(0, 4000),
      at: isoAt(atMs),
      final: t.isFinal,
      source: "genesys",
    });
  }
  return { utterances, started: [], stopped: [] };
}
