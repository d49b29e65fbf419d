/**
 * The weights of the at-risk score: one table, in code, reviewed like a policy. Kept here rather
 * than in a YAML under policies/ because the score is a supervisor's aid, not a rule the bot
 * applies to a customer: it needs no per-jurisdiction packs, no hot reload and no CEL, and a
 * typed table keeps `src/insights` free of I/O (a file would need an adapter and a schema for
 * nine numbers). A change here is a code review with the backtest's figures beside it.
 *
 * Every point of a score comes from one row: `recent` points when the event happened in the
 * last `RECENT_DAYS` before the "as of" date, `older` points up to `LOOKBACK_DAYS`; nothing
 * before that, except what is still unresolved (it keeps its `older` points, however old).
 * `cap` bounds how many events of one row count, so one noisy signal cannot make a score alone.
 */

export const RECENT_DAYS = 90;
export const LOOKBACK_DAYS = 365;

export type SignalId =
  | "outage"
  | "repeated_outages"
  | "equipment_failure"
  | "billing_error_unresolved"
  | "billing_error_resolved"
  | "open_dispute"
  | "undisclosed_fee"
  | "missed_appointment"
  | "late_appointment"
  | "complaint_unresolved"
  | "complaint_resolved"
  | "poor_treatment"
  | "promo_not_applied"
  | "promise_broken"
  | "promise_unrecorded"
  | "price_rise_not_in_contract"
  | "price_rise_in_contract"
  | "price_rise_contact"
  | "loyalty_penalty"
  | "failures_across_departments";

export interface SignalWeight {
  /** Points for one event in the last RECENT_DAYS days. */
  recent: number;
  /** Points for one event older than that (up to LOOKBACK_DAYS; unresolved: any age). */
  older: number;
  /** At most this many events of the signal count. */
  cap: number;
  /** Why it counts, in a supervisor's words. */
  why: string;
}

export const WEIGHTS: Readonly<Record<SignalId, SignalWeight>> = {
  outage: { recent: 2, older: 1, cap: 4, why: "the service failed the customer" },
  repeated_outages: {
    recent: 3,
    older: 2,
    cap: 1,
    why: "two or more outages within a year: the failure is a pattern, not bad luck",
  },
  equipment_failure: { recent: 2, older: 1, cap: 3, why: "the equipment we supplied failed" },
  billing_error_unresolved: {
    recent: 5,
    older: 4,
    cap: 3,
    why: "a billing error we have not put right: the customer pays for our mistake",
  },
  billing_error_resolved: { recent: 2, older: 0, cap: 3, why: "a billing error, since put right" },
  open_dispute: {
    recent: 3,
    older: 2,
    cap: 2,
    why: "the customer formally disputes an amount, still open: an escalation of a billing problem",
  },
  undisclosed_fee: {
    recent: 5,
    older: 3,
    cap: 2,
    why: "a fee the customer was never told about: trust, not just money",
  },
  missed_appointment: { recent: 3, older: 1, cap: 3, why: "we did not turn up" },
  late_appointment: { recent: 2, older: 1, cap: 3, why: "we turned up late" },
  complaint_unresolved: { recent: 4, older: 3, cap: 3, why: "a complaint with no answer yet" },
  complaint_resolved: { recent: 1, older: 0, cap: 3, why: "a complaint, since answered" },
  poor_treatment: {
    recent: 2,
    older: 1,
    cap: 2,
    why: "a contact a supervisor flagged for how the customer was treated",
  },
  promo_not_applied: {
    recent: 5,
    older: 5,
    cap: 2,
    why: "a promotion we sold was never applied: a broken promise the customer sees on every bill",
  },
  promise_broken: {
    recent: 4,
    older: 3,
    cap: 2,
    why: "a recorded promise (discount, credit, call back) with no sign it was kept",
  },
  promise_unrecorded: {
    recent: 4,
    older: 2,
    cap: 2,
    why: "the customer cites a promise that is not on record",
  },
  price_rise_not_in_contract: {
    recent: 4,
    older: 2,
    cap: 2,
    why: "the price went up by an amount the contract did not state",
  },
  price_rise_in_contract: { recent: 1, older: 0, cap: 2, why: "the price went up as the contract said" },
  price_rise_contact: {
    recent: 1,
    older: 0,
    cap: 2,
    why: "a price rise recorded only as a contact: whether the contract stated it is not on record",
  },
  loyalty_penalty: {
    recent: 4,
    older: 4,
    cap: 2,
    why: "a long-standing customer pays more than new customers pay, with no recognition",
  },
  failures_across_departments: {
    recent: 3,
    older: 3,
    cap: 1,
    why: "failures in three or more departments: no one department sees the whole journey",
  },
};

/** Bands of the score; "at risk" starts at AT_RISK_THRESHOLD. */
export const BANDS = { watch: 6, at_risk: 10, urgent: 16 } as const;
export const AT_RISK_THRESHOLD = BANDS.at_risk;
export type Band = "none" | keyof typeof BANDS;

export function bandOf(score: number): Band {
  if (score >= BANDS.urgent) return "urgent";
  if (score >= BANDS.at_risk) return "at_risk";
  if (score >= BANDS.watch) return "watch";
  return "none";
}

/** Long tenure, for the loyalty penalty: at least this many years a customer. */
export const LOYAL_YEARS = 3;
/** Paying at least this much more (as a share) than the cheapest new customer on the plan. */
export const LOYALTY_GAP = 0.15;
/** A retention offer within this many days counts as recognition. */
export const RECOGNITION_DAYS = 730;
