/**
 * What the policy engine decides for one cancelling customer, and what it decides it from.
 * `decide(policy, context, now)` returns a `Decision`; the bot and agent assist only ever
 * say and do what a Decision allows. Plain data: serialisable, comparable, loggable.
 */
import type { Coverage, Customer } from "./customer.js";
import type { Language } from "./language.js";

/** Why the customer is leaving, as understood from the conversation. */
export const LEAVING_REASONS = [
  "moving",
  "price",
  "service_problems",
  "switching_provider",
  "bereavement",
  "money_trouble",
  "changed_mind",
  "other",
] as const;
export type LeavingReason = (typeof LEAVING_REASONS)[number];

/** A promise the customer says was made ("the salesperson told me…"); matched against the record. */
export interface ClaimedPromise {
  text: string;
  /** What the claim is about, when understood. */
  kind?: "fee_waiver" | "free_cancellation" | "discount" | "free_unlock" | "credit" | "other";
}

/** What the conversation has established so far. Everything optional: decide works at any stage. */
export interface ConversationFacts {
  /** Services the customer wants to end; empty or absent = all active services. */
  serviceIds?: string[];
  reason?: LeavingReason;
  /** Where they are moving to, so coverage is a fact. */
  newPostcode?: string;
  newCountry?: string;
  /** Mobile: keep the number (PAC) or not (STAC). */
  keepNumber?: boolean;
  claims?: ClaimedPromise[];
  requestedPerson?: boolean;
  legalThreat?: boolean;
  /** Retention offers made and declined in this conversation. */
  offersMade?: number;
  offersDeclined?: number;
  /** The medium the conversation is in (web, chat, call, msteams …); California: cancel in the same medium. */
  channel?: string;
}

export interface DecisionContext {
  customer: Customer;
  coverage: Coverage;
  conversation: ConversationFacts;
  /**
   * The language the customer is answered in: texts with a translation in the pack are
   * rendered in it (amounts and dates too); the others in English. Default English.
   */
  language?: Language;
}

/** Where a decision draws its evidence from. */
export interface Evidence {
  kind: "promise" | "interaction" | "price_change" | "contract" | "dispute" | "fact" | "regulation";
  /** The id of the promise, interaction, dispute …, or the fact's name, or the regulation cited. */
  ref: string;
  note?: string;
}

export interface FeeLine {
  ruleId: string;
  serviceId: string;
  kind: "exit_fee" | "notice_period" | "device_balance" | "equipment" | "other";
  /** Before waivers. */
  amount: number;
  currency: string;
  /** Plain words, e.g. "9 remaining months × 399 SEK × 100%". */
  explanation: string;
}

export interface WaiverApplied {
  ruleId: string;
  serviceId: string;
  /** Which fee kinds it touches. */
  feeKinds: FeeLine["kind"][];
  amountWaived: number;
  currency: string;
  /** What the customer is told, rendered. */
  reason: string;
  evidence: Evidence[];
}

export interface ServiceOutcome {
  serviceId: string;
  serviceKind: string;
  /** The last day of service, YYYY-MM-DD. */
  endDate: string;
  noticeDays: number;
  fees: FeeLine[];
  waivers: WaiverApplied[];
  /** After waivers and caps; never negative. */
  totalDue: number;
  currency: string;
}

/** The stage of the cancellation conversation an obligation must be discharged before. */
export type Stage = "review" | "offer" | "confirm" | "execute" | "receipt" | "farewell";

export interface Obligation {
  /** Stable id, unique in the decision (rule id, plus service id when per service). */
  id: string;
  ruleId: string;
  /** What it is about: device_unlock, porting_code, payment_mandate, final_bill, equipment_return … */
  topic: string;
  /** Must be discharged before the conversation reaches this stage. */
  before: Stage;
  /** The rendered message that discharges it. */
  message: string;
  serviceIds: string[];
  citation?: string;
}

export interface PlannedAction {
  id: string;
  ruleId: string;
  kind:
    | "end_service"
    | "issue_porting_code"
    | "request_unlock"
    | "final_bill"
    | "credit_dispute"
    | "credit_promotion"
    | "cancel_payment_mandate"
    | "equipment_return_label"
    | "send_receipt"
    | "schedule_message";
  serviceId?: string;
  /** When it should happen (ISO date-time), when not immediately. */
  at?: string;
  /** Same key for the same effect: executing twice does nothing the second time. */
  idempotencyKey: string;
  params: Record<string, unknown>;
}

export interface RetentionOffer {
  id: string;
  ruleId: string;
  text: string;
}

export interface RetentionAllowance {
  allowed: boolean;
  /** How many offers may still be made in this conversation. */
  remaining: number;
  maxOffers: number;
  offers: RetentionOffer[];
  /** Why not, when not allowed (rule ids and plain words). */
  blockedBy: { ruleId: string; reason: string }[];
}

export interface Escalation {
  required: boolean;
  reasons: { ruleId: string; reason: string }[];
}

export interface TraceEntry {
  ruleId: string;
  /** fact, fee, waiver, obligation, action, retention, escalation, alumni … */
  kind: string;
  matched: boolean;
  /** Why it matched or not, in plain words (the condition and the values it saw). */
  why: string;
  serviceId?: string;
}

export interface AlumniAllowance {
  contactAllowed: boolean;
  maxContacts: number;
  quietDays: number;
  reason: string;
}

/** One department in the chain of failures before the customer left. */
export interface RootCauseLink {
  /** The department (the interaction's silo), e.g. `install`, `care`, `billing`. */
  silo: string;
  /** When this department first failed the customer (ISO date-time or date). */
  firstAt: string;
  /** What went wrong, in order: the interaction kinds (or `promotion_not_applied`). */
  kinds: string[];
  /** The records it rests on: interaction ids, or `promo:<code>` for a promotion never applied. */
  evidence: string[];
}

/**
 * The root cause of the departure as a chain of departments, in the order each first failed
 * the customer (from the interactions on record and promotions never applied, for the
 * services being ended). Empty when nothing went wrong on record.
 */
export interface RootCause {
  /** The departments in order, e.g. `["install", "care", "billing"]`. */
  chain: string[];
  links: RootCauseLink[];
}

export interface Decision {
  /** Content hash of the compiled policy that made this decision. */
  policyRevision: string;
  /** The `now` the decision was made for. */
  decidedAt: string;
  customerId: string;
  facts: Record<string, unknown>;
  services: ServiceOutcome[];
  /** Per currency, after waivers. */
  totals: { currency: string; amount: number }[];
  waivers: WaiverApplied[];
  obligations: Obligation[];
  actions: PlannedAction[];
  retention: RetentionAllowance;
  escalation: Escalation;
  alumni: AlumniAllowance;
  /** Which departments failed the customer before they left, in order (see `RootCause`). */
  rootCause: RootCause;
  /**
   * Every rule considered, matched or not, and why. An own enumerable property like the others
   * (JSON, copies and comparisons include it); its entries are written from what the rules saw
   * when it is first read.
   */
  trace: TraceEntry[];
}

/**
 * A decision that decides nothing: nothing owed, waived, disclosed or done, and no offer. The
 * engine answers with one when deciding failed (a person takes over); the bot checks its words
 * against one before the customer has heard any decision.
 */
export function decisionOfNothing(o: {
  policyRevision: string;
  decidedAt: string;
  customerId: string;
  /** Who says there is nothing, and why: shown as what blocks offers and, if `escalate`, why a person takes over. */
  because: { ruleId: string; reason: string };
  escalate: boolean;
  alumniReason: string;
  trace: TraceEntry[];
}): Decision {
  return {
    policyRevision: o.policyRevision,
    decidedAt: o.decidedAt,
    customerId: o.customerId,
    facts: {},
    services: [],
    totals: [],
    waivers: [],
    obligations: [],
    actions: [],
    retention: { allowed: false, remaining: 0, maxOffers: 0, offers: [], blockedBy: [o.because] },
    escalation: { required: o.escalate, reasons: o.escalate ? [o.because] : [] },
    alumni: { contactAllowed: false, maxContacts: 0, quietDays: 0, reason: o.alumniReason },
    rootCause: { chain: [], links: [] },
    trace: o.trace,
  };
}
