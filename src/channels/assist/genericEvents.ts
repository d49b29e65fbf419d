/**
 * The generic transcript source, `POST /api/assist/events`: FairExit's own format for any
 * platform that can call a webhook (or a relay in front of one).
 *
 *   { "sessionId": "call-42", "customerId": "cust-se-moving", "speaker": "agent",
 *     "text": "You can leave without a fee.", "at": "2026-11-23T10:00:03Z", "final": true }
 *
 * One event, an array of them, or `{ "events": [...] }` (at most 500). `final` defaults to
 * true; `utteranceId` is optional (partials and their final without one are numbered per session
 * and speaker, see UtteranceNumbering). `agentId`, optional, names the agent on the call (in the
 * platform's own terms); it becomes `api:<agentId>`.
 */
import { z } from "zod";
import { Speaker } from "../../assist/utterance.js";
import { IsoDateTime } from "../../domain/customer.js";
import { AgentName, platformAgent } from "./platformAgent.js";
import { parsePayload } from "./transcriptPayloadError.js";
import type { Translation } from "./translation.js";

export const MAX_EVENTS_PER_REQUEST = 500;

export const GenericEvent = z.strictObject({
  sessionId: z.string().min(1, "expected the call or chat id").max(200),
  utteranceId: z.string().min(1).max(200).optional(),
  customerId: z.string().min(1).max(100).optional(),
  agentId: AgentName.optional(),
  speaker: Speaker,
  text: z.string().max(4000, "expected at most 4000 characters"),
  at: IsoDateTime,
  final: z.boolean().default(true),
});
export type GenericEvent = z.output<typeof GenericEvent>;

const Events = z
  .array(GenericEvent)
  .min(1, "expected at least one event")
  .max(MAX_EVENTS_PER_REQUEST, `expected at most ${MAX_EVENTS_PER_REQUEST} events a request`);

/** Translates a generic events body; `source` is "events", or "console" for the console's replay. */
export function translateGenericEvents(body: unknown, source = "events"): Translation {
  const events = Array.isArray(body)
    ? parsePayload(Events, body)
    : typeof body === "object" && body !== null && "events" in body
      ? parsePayload(z.strictObject({ events: Events }), body).events
      : [parsePayload(GenericEvent, body)];
  return {
    utterances: events.map((e) => ({
      sessionId: e.sessionId,
      ...(e.utteranceId ? { utteranceId: e.utteranceId } : {}),
      ...(e.customerId ? { customerId: e.customerId } : {}),
      ...(e.agentId ? { agentId: platformAgent("api", e.agentId) } : {}),
      speaker: e.speaker,
      text: e.text,
      at: new Date(e.at).toISOString(),
      final: e.final,
      source,
    })),
    started: [],
    stopped: [],
  };
}
