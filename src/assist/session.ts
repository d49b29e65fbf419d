/**
 * One assist session as it is kept between utterances: plain, versioned, JSON-serialisable
 * data (an `AssistSessionStore` keeps it; PostgreSQL later, memory now). Everything the view
 * shows is computed from it, the customer, the coverage and the policy by `assistView`.
 *
 * What the session accumulates (alerts raised, obligations discharged, offers and declines in
 * the ledger) is kept beyond the bounded transcript, so a long call loses no finding.
 */
import type { ConversationFacts, Decision } from "../domain/decision.js";
import type { Ledger } from "../domain/ledger.js";
import { emptyLedger } from "../domain/ledger.js";
import type { Alert, ChecklistItem, UtteranceRef } from "./view.js";

/** At most this many utterances (partials included) are kept in a session's transcript. */
export const TRANSCRIPT_LIMIT = 200;
/** At most this many alerts are kept per session (the oldest go first). */
export const ALERT_LIMIT = 100;
/** How many final utterance ids are remembered to ignore repeats. */
export const FINALS_LIMIT = 1000;

export type DischargedBy = NonNullable<ChecklistItem["dischargedBy"]>;

/** What the bot handed over: its decision and ledger, as they were. */
export interface HandoverState {
  id: string;
  at: string;
  decision?: Decision;
  /** The facts derived from the hand-over's transcript: while they stand, the bot's decision stands. */
  factsAtHandover: ConversationFacts;
}

export interface AssistSession {
  schemaVersion: 1;
  sessionId: string;
  /** The transcript source that opened it ("events", "handover", "console" …). */
  source: string;
  customerId?: string;
  status: "awaiting_customer" | "live" | "ended";
  version: number;
  openedAt: string;
  updatedAt: string;
  /** The last utterances; a partial is replaced in place by its next partial or its final. */
  transcript: UtteranceRef[];
  /** Ids of the last utterances whose final was heard (bounded: `FINALS_LIMIT`), so a repeated final or a late partial is ignored. */
  finals: string[];
  /** What the customer's words established (reason, new postcode, keep number, claims). */
  facts: ConversationFacts;
  /** Offers and declines (and the bot's discharges from a hand-over). */
  ledger: Ledger;
  /** How each discharged obligation was discharged, by obligation id. */
  discharged: Record<string, DischargedBy>;
  /** Alerts raised on final utterances, oldest first. */
  alerts: Alert[];
  /** Alerts raised on a partial whose final has not come yet, by utterance id. */
  provisional: Record<string, Alert[]>;
  /** Ids of alerts the agent dismissed (a provisional alert dismissed stays dismissed when final). */
  dismissed: string[];
  handover?: HandoverState;
  /** The agents who acted on the session (ids only). */
  agents: string[];
  /** The LLM's summary of the history and the call so far, when there is an LLM (filled in the background). */
  summary?: string;
}

export function newSession(o: {
  sessionId: string;
  source: string;
  customerId?: string;
  at: string;
}): AssistSession {
  return {
    schemaVersion: 1,
    sessionId: o.sessionId,
    source: o.source,
    ...(o.customerId ? { customerId: o.customerId } : {}),
    status: o.customerId ? "live" : "awaiting_customer",
    version: 0,
    openedAt: o.at,
    updatedAt: o.at,
    transcript: [],
    finals: [],
    facts: {},
    ledger: emptyLedger(),
    discharged: {},
    alerts: [],
    provisional: {},
    dismissed: [],
    agents: [],
  };
}
