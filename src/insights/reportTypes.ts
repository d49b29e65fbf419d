/**
 * The supervisors' report as data: the JSON shape `fairexit report --format json` writes and
 * the /supervisor dashboard draws. Every figure carries the conversations behind it
 * (`conversationIds`, sorted), so any number drills down to transcripts and audit records.
 * Money is always per currency: amounts in different currencies are never added.
 *
 * Stable: fields are only ever added, never renamed or removed (`schemaVersion` says so).
 */

/** A count and the conversations behind it (bot conversation ids, or `assist:<sessionId>`). */
export interface Figure {
  count: number;
  /** Sorted, without duplicates; `count` may exceed its length when one conversation counts twice. */
  conversationIds: string[];
}

/** An amount in one currency and the conversations behind it. */
export interface MoneyFigure {
  /** ISO 4217, e.g. `GBP`. */
  currency: string;
  /** In the currency's major unit, rounded to two decimals. */
  amount: number;
  conversationIds: string[];
}

/** A figure under a label (a reason, a department, a category, an agent, a rule id …). */
export interface LabelledFigure extends Figure {
  label: string;
}

/** Cancellations confirmed in one period (`start` is the period's first day, YYYY-MM-DD). */
export interface PeriodFigure extends Figure {
  start: string;
}

/** Root-cause departments (customer silos that can fail a customer), plus `none` on record. */
export const DEPARTMENTS = ["sales", "install", "care", "billing", "network", "product"] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** One department's failures before a customer left, with the records they rest on. */
export interface AttributionLink {
  department: string;
  /** When this department first failed the customer (ISO date-time or date). */
  firstAt: string;
  /** What went wrong: interaction kinds, `broken_promise`, `promotion_not_applied`, `unstated_price_rise`. */
  kinds: string[];
  /** Interaction ids, `promise:<id>`, `promo:<code>` or `price_change:<serviceId>:<date>`. */
  evidence: string[];
}

/** Why one customer left, as far as the record shows (see `src/insights/rootCause.ts` for the rule). */
export interface LeaverAttribution {
  conversationId: string;
  customerId: string;
  /** When the cancellation was confirmed (ISO date-time). */
  confirmedAt: string;
  /** The stated reason (`state.facts.reason`), `unknown` when none was understood. */
  statedReason: string;
  /** The root-cause department (the first in the chain), `none` when nothing failed on record. */
  rootCause: string;
  /** Every department that failed the customer, in the order each first did. */
  chain: string[];
  links: AttributionLink[];
  policyRevision?: string;
}

export interface CancellationsSection {
  /** Conversations with at least one decision in the range (customers who asked to leave). */
  started: Figure;
  /** Cancellations confirmed (`confirmation` answer `yes`) in the range. */
  confirmed: Figure;
  /** Customers who chose to stay (answered no / keep service, or accepted an offer) and did not confirm. */
  stayed: Figure;
  /** Confirmed cancellations per day, ISO week (Monday) and month; empty periods included. */
  overTime: { day: PeriodFigure[]; week: PeriodFigure[]; month: PeriodFigure[] };
  /** Confirmed cancellations by stated reason. */
  byStatedReason: LabelledFigure[];
  /** Confirmed cancellations by root-cause department (the first failure), `none` included. */
  byRootCause: LabelledFigure[];
  /** Confirmed cancellations in which each department failed the customer at any point of the chain. */
  byDepartmentInChain: LabelledFigure[];
  /** Confirmed cancellations by whole chain (label `install > care > billing`, `none`). */
  byChain: LabelledFigure[];
  /** One line per confirmed cancellation: the drill-down of every figure above. */
  leavers: LeaverAttribution[];
}

/** A confirmed cancellation with an obligation not disclosed before the confirmation. */
export interface DisclosureGap {
  conversationId: string;
  /** Obligations of the last decision before the confirmation without a disclosure before it. */
  obligationIds: string[];
}

export interface PolicyKeptSection {
  disclosures: {
    /** Confirmed cancellations checked. */
    confirmed: Figure;
    /** Of those, the ones with every required disclosure made before the confirmation. */
    allBeforeConfirmation: Figure;
    /** allBeforeConfirmation / confirmed, 0..1; null when nothing was confirmed. */
    share: number | null;
    gaps: DisclosureGap[];
  };
  /** Bot sentences the checker blocked (`tone_finding`), by tone category. */
  botToneFindings: { total: Figure; byCategory: LabelledFigure[] };
  /** Tone alerts raised on agents' speech (`assist_alert` of kind `tone`). */
  agentToneAlerts: { total: Figure; byCategory: LabelledFigure[]; byAgent: LabelledFigure[] };
  /** Contradictions of the decision caught: in bot text and in agents' speech (kinds contradiction, offer). */
  contradictions: { bot: Figure; agents: Figure; byCategory: LabelledFigure[] };
  /** Attempts to instruct the bot and other customer signals, by signal. */
  customerSignals: LabelledFigure[];
}

/** A conversation with more offers made than its decision allowed. */
export interface OfferViolation {
  conversationId: string;
  offersMade: number;
  /** What the decision before the first offer allowed: 0 when not allowed. */
  allowed: number;
  reason: string;
}

export interface RetentionSection {
  offersMade: Figure;
  accepted: Figure;
  declined: Figure;
  unclear: Figure;
  /** Offers made by offer rule. */
  byRule: LabelledFigure[];
  /** Conversations where offers exceeded what the policy allowed: should be none. */
  overAllowance: { count: number; violations: OfferViolation[] };
}

/** What a waiver is for, read from its rule id. */
export type WaiverGroup = "promise_honoured" | "cooling_off" | "our_error" | "circumstances" | "other";

export interface WaiverRuleFigure extends LabelledFigure {
  group: WaiverGroup;
  /** The fees it waived, per currency. */
  amounts: MoneyFigure[];
}

export interface MoneySection {
  /** Waivers granted in confirmed cancellations, by rule. */
  waiversByRule: WaiverRuleFigure[];
  /** The same by group (promises honoured, cooling-off, our own errors …). */
  waiversByGroup: (LabelledFigure & { amounts: MoneyFigure[] })[];
  waivedTotal: MoneyFigure[];
  /** What leaving customers were charged, per currency (the decisions' totals at confirmation). */
  chargedTotal: MoneyFigure[];
  refunds: {
    /** Open disputes credited (action `credit_dispute`), amounts from the disputes on record. */
    disputes: { count: Figure; amounts: MoneyFigure[] };
    /** Promotions sold but never applied, credited (action `credit_promotion`). */
    promotions: { count: Figure };
    /** Fees waived because of an undisclosed fee on record (waiver evidence of kind `undisclosed_fee`). */
    undisclosedFees: { count: Figure; amounts: MoneyFigure[] };
  };
}

export interface HandoversSection {
  total: Figure;
  /** By the rule that asked for a person (a hand-over with two reasons counts under both). */
  byReason: LabelledFigure[];
  /** Hand-overs after a confirmed cancellation (the guard could not say a message). */
  afterCancellation: Figure;
}

/** One policy revision: when it was in force (seen in decisions) and the figures under it. */
export interface RevisionFigures {
  revision: string;
  firstSeen: string;
  lastSeen: string;
  /** Conversations with a decision made under it in the range (each counted once). */
  decisions: Figure;
  /** Cancellations confirmed under it (the revision the confirmation names). */
  confirmed: Figure;
  offersMade: Figure;
  offersAccepted: Figure;
  handovers: Figure;
  waived: MoneyFigure[];
  charged: MoneyFigure[];
  /** Confirmed cancellations with every disclosure before confirmation, 0..1; null when none. */
  disclosureShare: number | null;
}

export interface Report {
  schemaVersion: 1;
  /** When the report was built (the `now` given). */
  generatedAt: string;
  /** Inclusive calendar dates, UTC. */
  range: { from: string; to: string };
  /** How many audit entries, conversations and customers were read (in range or not). */
  read: { auditEntries: number; conversations: number; customers: number };
  cancellations: CancellationsSection;
  policyKept: PolicyKeptSection;
  retention: RetentionSection;
  money: MoneySection;
  handovers: HandoversSection;
  /** Policy revisions in order of first appearance in the range. */
  policyRevisions: RevisionFigures[];
}
