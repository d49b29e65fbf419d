/**
 * The obligation ledger of one cancellation conversation: which obligations of the Decision
 * have been said (by which message, when), and which retention offers were made and declined.
 * A guardrail shared by the bot and agent assist; the record itself (`Ledger`, saved in the
 * conversation state and the hand-over record) is in `src/domain/ledger.ts`.
 *
 * Plain, versioned, JSON-serialisable data kept in the conversation state. Every function is
 * pure: it returns a new ledger and never mutates its input; time comes in as an ISO string
 * (no clock here). Obligation ids are stable across re-decisions, so one ledger serves every
 * Decision made during the conversation.
 *
 * @example
 * import { emptyLedger } from "../domain/ledger.js";
 * import { discharge, readyToExecute } from "./ledger.js";
 * let ledger = emptyLedger();
 * ledger = discharge(ledger, ["porting-code"], { messageId: "t7", seq: 7, at: "2026-11-23T10:00:00Z" });
 * readyToExecute(ledger, decision); // true once every obligation due before "execute" is discharged
 */
import type { Decision, Obligation, Stage } from "../domain/decision.js";
import type { Discharge, Ledger, OfferRecord } from "../domain/ledger.js";
import { sha256Hex } from "../domain/sha256.js";

/** Conversation stages in order; an obligation `before: S` must be discharged before stage S. */
export const STAGES: readonly Stage[] = ["review", "offer", "confirm", "execute", "receipt", "farewell"];

const stageIndex = (stage: Stage): number => STAGES.indexOf(stage);

/** Who discharged something, and when. `text`, when given, is stored only as its hash. */
export interface MessageRef {
  messageId: string;
  at: string;
  seq?: number;
  text?: string;
  /** `hashText(text)`, when the caller has it already. */
  textHash?: string;
}

/** A stable fingerprint of a message: NFC-normalised, whitespace collapsed, SHA-256. */
export function hashText(text: string): string {
  // Text with nothing NFC or the spacing rule would change (the bot's usual words) is hashed as it is.
  const canonical = !NOT_PLAIN.test(text) ? text : text.normalize("NFC").replace(/\s+/g, " ").trim();
  return `sha256:${sha256Hex(canonical)}`;
}

function refFields(by: MessageRef): { messageId: string; at: string; seq?: number } {
  return by.seq === undefined
    ? { messageId: by.messageId, at: by.at }
    : { messageId: by.messageId, at: by.at, seq: by.seq };
}

/**
 * Records that the message `by` discharged `obligationIds`. An obligation already discharged
 * keeps its first record (saying it again does not move the time). Returns a new ledger.
 */
export function discharge(ledger: Ledger, obligationIds: readonly string[], by: MessageRef): Ledger {
  const done = new Set(ledger.discharges.map((d) => d.obligationId));
  const textHash = by.textHash ?? (by.text === undefined ? undefined : hashText(by.text));
  const added: Discharge[] = [];
  for (const obligationId of obligationIds) {
    if (done.has(obligationId)) continue;
    done.add(obligationId);
    added.push(
      textHash === undefined
        ? { obligationId, ...refFields(by) }
        : { obligationId, ...refFields(by), textHash },
    );
  }
  return added.length === 0 ? ledger : { ...ledger, discharges: [...ledger.discharges, ...added] };
}

/** The record of when and by which message `obligationId` was discharged, if it was. */
export function dischargeOf(ledger: Ledger, obligationId: string): Discharge | undefined {
  return ledger.discharges.find((d) => d.obligationId === obligationId);
}

export function isDischarged(ledger: Ledger, obligationId: string): boolean {
  return dischargeOf(ledger, obligationId) !== undefined;
}

/**
 * The obligations of `decision` not yet discharged that must be discharged before the
 * conversation may enter `stage` (their `before` is `stage` or an earlier stage), in decision order.
 */
export function pendingBefore(ledger: Ledger, decision: Decision, stage: Stage): Obligation[] {
  const limit = stageIndex(stage);
  const discharged = new Set<string>();
  for (const d of ledger.discharges) discharged.add(d.obligationId);
  return decision.obligations.filter((o) => stageIndex(o.before) <= limit && !discharged.has(o.id));
}

/**
 * True when every obligation due before "execute" (review, offer, confirm or execute) has been
 * discharged: the customer has been told everything they must know before anything is done.
 */
export function readyToExecute(ledger: Ledger, decision: Decision): boolean {
  return pendingBefore(ledger, decision, "execute").length === 0;
}

/** Records that a retention offer was made. Returns a new ledger. */
export function recordOffer(ledger: Ledger, offer: { offerId?: string } & MessageRef): Ledger {
  const record: OfferRecord =
    offer.offerId === undefined ? refFields(offer) : { offerId: offer.offerId, ...refFields(offer) };
  return { ...ledger, offers: [...ledger.offers, record] };
}

/** Records that the customer declined (an offer, or offers in general). Returns a new ledger. */
export function recordDecline(ledger: Ledger, decline: { offerId?: string } & MessageRef): Ledger {
  const record: OfferRecord =
    decline.offerId === undefined ? refFields(decline) : { offerId: decline.offerId, ...refFields(decline) };
  return { ...ledger, declines: [...ledger.declines, record] };
}

export function offersMade(ledger: Ledger): number {
  return ledger.offers.length;
}

export function hasDeclined(ledger: Ledger): boolean {
  return ledger.declines.length > 0;
}

/** Why an obligation the bot says it rendered does not count as discharged by the message. */
export interface UnmatchedObligation {
  obligationId: string;
  reason: "not_in_decision" | "text_not_in_message";
}

export interface RenderedObligations {
  /** Ids whose rendered `message` appears in the outgoing text (exactly or contained). */
  discharged: string[];
  unmatched: UnmatchedObligation[];
}

/**
 * Printable ASCII, Latin-1 letters and signs (£, å, ü …), dashes, the ellipsis and €, with
 * single spaces between words: already canonical as it is (none of these changes under NFC
 * or composes with another, none is a quote to straighten or a space to collapse).
 */
const NOT_PLAIN = /[^\x20-\x7E\u00A1-\u00FF\u2013\u2014\u2026\u20AC]|^ | $| {2}/;

const canonical = (s: string): string =>
  !NOT_PLAIN.test(s)
    ? s
    : s
        .normalize("NFC")
        .replace(/[\u2018\u2019\u02BC]/g, "'")
        .replace(/[\u201C\u201D]/g, '"')
        .replace(/\s+/g, " ")
        .trim();

/**
 * Which of the obligations the bot says it rendered (`renderedIds`) the outgoing `text`
 * really discharges: the obligation's own rendered `message` must appear in the text, exactly
 * or contained (whitespace, quotes and Unicode form aside). Deliberately explicit: a message
 * that merely paraphrases an obligation discharges nothing; the caller then passes the
 * returned `discharged` ids to `discharge`.
 */
export function obligationsRenderedIn(
  decision: Decision,
  text: string,
  renderedIds: readonly string[],
): RenderedObligations {
  const said = canonical(text);
  const discharged: string[] = [];
  const unmatched: UnmatchedObligation[] = [];
  for (const id of new Set(renderedIds)) {
    const obligation = decision.obligations.find((o) => o.id === id);
    if (!obligation) {
      unmatched.push({ obligationId: id, reason: "not_in_decision" });
      continue;
    }
    const wanted = canonical(obligation.message);
    if (wanted !== "" && said.includes(wanted)) discharged.push(id);
    else unmatched.push({ obligationId: id, reason: "text_not_in_message" });
  }
  return { discharged, unmatched };
}
