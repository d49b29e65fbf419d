/**
 * What was understood from one customer message: shared vocabulary, so the `Llm` port and
 * agent assist speak it as the bot does. In the bot it is produced by the deterministic
 * understander (`src/understanding`: patterns, numbers, dates, postcodes, yes/no in
 * English, Swedish and German) first and, when it is unsure and an LLM is configured,
 * completed by the LLM's structured output. Understanding never decides anything: the
 * policy does.
 */
import type { ServiceKind } from "./customer.js";
import type { ClaimedPromise, LeavingReason } from "./decision.js";
import type { Language } from "./language.js";

export type Intent =
  /** Wants to end one or more services. */
  | "cancel"
  /** Gives identity details (account number, postcode). */
  | "identify"
  /** Says why they are leaving. */
  | "give_reason"
  /** Asks a question about fees, dates, the device … (see `topics`). */
  | "question"
  | "yes"
  | "no"
  /** Wants to hear / take a retention offer. */
  | "accept_offer"
  | "decline_offer"
  /** Wants a person (always honoured). */
  | "ask_person"
  /** Decides to keep the service after all. */
  | "keep_service"
  | "greeting"
  | "thanks"
  | "unknown";

/** What a question is about, so the bot can answer from the decision. */
export type Topic =
  | "fee"
  | "end_date"
  | "device"
  | "porting"
  | "payment"
  | "final_bill"
  | "equipment"
  | "data"
  | "offer"
  | "person"
  | "other";

/** What the bot asked last, which disambiguates short answers ("yes", "12345"). */
export const EXPECTATIONS = [
  "anything",
  "account_number",
  "postcode",
  "services",
  "reason",
  "new_postcode",
  "keep_number",
  "confirm",
  "offer",
  "consent",
  "survey",
] as const;
export type Expectation = (typeof EXPECTATIONS)[number];

export type { Language };

export interface Understanding {
  /** Most likely first; at least one ("unknown" when nothing matched). */
  intents: Intent[];
  /** 0..1: how sure the understander is of `intents[0]`. */
  confidence: number;
  language: Language;
  accountNumber?: string;
  /**
   * A postcode mentioned (the account's for identity, or the new one when moving); in a
   * correction ("X, not Y", "sorry, I meant X") the one meant.
   */
  postcode?: string;
  /**
   * The postcode they are moving to, when said as such ("we're moving to X", "from Y to X",
   * "nicht Y, sondern X", or any postcode when the bot asked for the new one).
   */
  newPostcode?: string;
  /** The postcode given replaces one said before ("X, not Y", "ich meinte X", "jag menade X"). */
  correctsPostcode?: boolean;
  reason?: LeavingReason;
  /** Services named ("my broadband and TV"); absent = not said. */
  serviceKinds?: ServiceKind[];
  /** Mobile: wants to keep the number (PAC) or not (STAC). */
  keepNumber?: boolean;
  /** "The salesperson told me …": a claim the policy must see. */
  claim?: ClaimedPromise;
  topics: Topic[];
  legalThreat: boolean;
  /** Text that tries to instruct the bot ("ignore your rules", "waive my fee"). Changes nothing decided. */
  injectionAttempt: boolean;
  /** Free-text answer to the exit survey, tagged by cause. */
  surveyCause?: LeavingReason;
  /** Which understander produced it. */
  source: "rules" | "llm" | "rules+llm";
}

/** The understander's contract: pure, synchronous, no I/O. */
export type Understand = (text: string, expecting: Expectation) => Understanding;
