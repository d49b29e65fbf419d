/**
 * Checking the at-risk score against history: for every customer who left, would the score
 * have flagged them 30, 60, 90 days before, from what was known then; and of the customers
 * who stayed, how many it flagged at the same distance from the end of the data (false alarms).
 *
 * "Left at": the first `cancellation_request` interaction (the day the customer asked), else,
 * when every service is ended or ending, the last interaction on record. A customer with
 * neither stayed.
 */

import type { Customer } from "../domain/customer.js";
import { toMillis } from "../domain/dates.js";
import { scoreCustomer } from "./atRisk.js";
import { newCustomerFees } from "./atRiskSignals.js";
import { AT_RISK_THRESHOLD, LOOKBACK_DAYS } from "./atRiskWeights.js";

const DAY_MS = 86_400_000;

export interface Departure {
  at: string;
  how: "cancellation_request" | "services_ended";
  /** The interaction it was read from. */
  interactionId: string;
}

/** When and how `c` left, or undefined when the customer stayed. */
export function departureOf(c: Customer): Departure | undefined {
  const byTime = [...c.interactions].sort((a, b) => toMillis(a.at) - toMillis(b.at));
  const asked = byTime.find((i) => i.kind === "cancellation_request");
  if (asked) return { at: asked.at, how: "cancellation_request", interactionId: asked.id };
  const last = byTime.at(-1);
  if (last && c.services.every((s) => s.status === "ended" || s.status === "ending"))
    return { at: last.at, how: "services_ended", interactionId: last.id };
  return undefined;
}

export interface LeadFigures {
  leadDays: number;
  /** Leavers who were customers `leadDays` before leaving. */
  leavers: number;
  flaggedLeavers: number;
  /** Stayers who were customers `leadDays` before the end of the data. */
  stayers: number;
  flaggedStayers: number;
  /** flaggedLeavers / leavers; null when no leaver. */
  recall: number | null;
  /** flaggedLeavers / all flagged; null when none flagged. */
  precision: number | null;
}

export interface LeaverRow {
  customerId: string;
  leftAt: string;
  how: Departure["how"];
  /** Score at each lead (undefined: not yet a customer then). */
  scores: Record<number, number | undefined>;
  /** Days between the first time the score reached the threshold (within a year) and leaving. */
  leadDays: number | undefined;
}

export interface BacktestResult {
  threshold: number;
  /** The end of the data: stayers are scored `leadDays` before it. */
  end: string;
  byLead: LeadFigures[];
  leavers: number;
  /** Leavers flagged at some point in the year before they left. */
  flaggedBeforeLeaving: number;
  /** Median of `LeaverRow.leadDays` over the leavers flagged; null when none. */
  medianLeadDays: number | null;
  rows: LeaverRow[];
}

export interface BacktestOptions {
  leadDays?: readonly number[];
  /** Score needed to count as flagged (default the "at risk" threshold). */
  threshold?: number;
  /** The end of the data (default: the latest interaction in it). */
  end?: Date | string;
}

const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a / b) * 1000) / 1000);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** The instants at which `c`'s score may have changed in the year before `until`, in order. */
function checkpoints(c: Customer, until: number): number[] {
  const from = until - LOOKBACK_DAYS * DAY_MS;
  const dates = [
    ...c.interactions.map((i) => toMillis(i.at) + 60_000),
    ...c.promises.map((p) => toMillis(p.date) + 15 * DAY_MS),
    ...c.services.flatMap((s) => [
      ...s.priceChanges.map((pc) => toMillis(pc.at) + DAY_MS),
      ...(s.promo ? [toMillis(s.promo.from ?? s.contract.start) + DAY_MS] : []),
    ]),
    ...c.billing.disputes.map((d) => toMillis(d.opened) + DAY_MS),
    from,
  ];
  return [...new Set(dates.filter((t) => t >= from && t < until))].sort((a, b) => a - b);
}

function firstFlagged(c: Customer, until: number, population: readonly Customer[], threshold: number) {
  for (const t of checkpoints(c, until)) {
    if (toMillis(c.customerSince) >= t) continue;
    if (scoreCustomer(c, { asOf: new Date(t), population }).score >= threshold) return t;
  }
  return undefined;
}

/**
 * Recall and precision of the at-risk score at each lead time, and how early it flagged the
 * customers who left.
 */
export function backtest(customers: readonly Customer[], options: BacktestOptions = {}): BacktestResult {
  const leads = options.leadDays ?? [30, 60, 90];
  const threshold = options.threshold ?? AT_RISK_THRESHOLD;
  const latest = Math.max(0, ...customers.flatMap((c) => c.interactions.map((i) => toMillis(i.at))));
  const end =
    options.end === undefined
      ? latest + 1
      : typeof options.end === "string"
        ? toMillis(options.end)
        : options.end.getTime();
  const departures = customers.map((c) => ({ c, d: departureOf(c) }));
  const benchmarks = new Map<number, ReturnType<typeof newCustomerFees>>();
  const benchmarkAt = (t: number) => {
    const known = benchmarks.get(t) ?? newCustomerFees(customers, t);
    benchmarks.set(t, known);
    return known;
  };
  const flaggedAt = (c: Customer, t: number) =>
    toMillis(c.customerSince) < t
      ? scoreCustomer(c, { asOf: new Date(t), benchmark: benchmarkAt(t) }).score
      : undefined;

  const rows: LeaverRow[] = [];
  for (const { c, d } of departures) {
    if (!d) continue;
    const left = toMillis(d.at);
    const scores: Record<number, number | undefined> = {};
    for (const l of leads) scores[l] = flaggedAt(c, left - l * DAY_MS);
    const first = firstFlagged(c, left, customers, threshold);
    rows.push({
      customerId: c.id,
      leftAt: d.at,
      how: d.how,
      scores,
      leadDays: first === undefined ? undefined : Math.floor((left - first) / DAY_MS),
    });
  }
  const byLead = leads.map((l): LeadFigures => {
    const leaverScores = rows.map((r) => r.scores[l]).filter((s): s is number => s !== undefined);
    const stayerScores = departures
      .filter(({ d }) => !d)
      .map(({ c }) => flaggedAt(c, end - l * DAY_MS))
      .filter((s): s is number => s !== undefined);
    const flaggedLeavers = leaverScores.filter((s) => s >= threshold).length;
    const flaggedStayers = stayerScores.filter((s) => s >= threshold).length;
    return {
      leadDays: l,
      leavers: leaverScores.length,
      flaggedLeavers,
      stayers: stayerScores.length,
      flaggedStayers,
      recall: ratio(flaggedLeavers, leaverScores.length),
      precision: ratio(flaggedLeavers, flaggedLeavers + flaggedStayers),
    };
  });
  const leadTimes = rows.map((r) => r.leadDays).filter((d): d is number => d !== undefined);
  return {
    threshold,
    end: new Date(end).toISOString(),
    byLead,
    leavers: rows.length,
    flaggedBeforeLeaving: leadTimes.length,
    medianLeadDays: median(leadTimes),
    rows,
  };
}
