/**
 * What a transcript source's translator returns: the utterances of one request in order, and
 * the sessions the platform says started or stopped. Translators are pure (payload in, this
 * out, or a TranscriptPayloadError); an utterance whose platform gives no id of its own gets
 * one from `UtteranceNumbering` after the whole payload has been read, so a refused payload
 * leaves no trace.
 */
import type { AssistUtterance } from "../../assist/utterance.js";

/** An utterance before its id is settled: `utteranceId` is absent when the platform has none. */
export type UtteranceDraft = Omit<AssistUtterance, "utteranceId"> & { utteranceId?: string };

export interface Translation {
  utterances: UtteranceDraft[];
  /** Sessions the platform announced (e.g. Contact Lens STARTED, Twilio transcription-started). */
  started: string[];
  /** Sessions the platform closed (e.g. Contact Lens COMPLETED, Twilio transcription-stopped). */
  stopped: string[];
  /**
   * The agent the request names for every session it touches (the `agent` query parameter,
   * namespaced: `genesys:…`), for payloads that name none themselves; an utterance's own wins.
   */
  agentId?: string;
}

/** The translation with the request's agent, when it names one. */
export const withAgent = (t: Translation, agentId: string | undefined): Translation =>
  agentId === undefined ? t : { ...t, agentId };

export const nothing = (): Translation => ({ utterances: [], started: [], stopped: [] });

/** A time in ms since the epoch as the ISO date-time the utterance schema expects. */
export const isoAt = (ms: number): string => new Date(ms).toISOString();
