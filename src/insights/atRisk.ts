/**
 * Customers at risk: a transparent score from the signals that preceded past cancellations.
 * Every point names its signal, the records it rests on, how many points and why; the score
 * is their sum, the band follows from `BANDS`. No model, no hidden weights: `atRiskWeights.ts`.
 */

import type { Customer } from "../domain/customer.js";
import { toMillis } from "../domain/dates.js";
import { interactionsKnownAt, newCustomerFees, type RiskEvent, riskEvents } from "./atRiskSignals.js";
import {
  AT_RISK_THRESHOLD,
  type Band,
  bandOf,
  LOOKBACK_DAYS,
  RECENT_DAYS,
  type SignalId,
  WEIGHTS,
} from "./atRiskWeights.js";

/** One explained part of a score. */
export interface ScorePoint {
  signal: SignalId;
  points: number;
  /** The interaction, promise, invoice, dispute or service ids it rests on. */
  ids: string[];
  /** When it happened (YYYY-MM-DD). */
  on: string;
  /** "recent" (last 90 days), "older", or "unresolved" (older, but still open). */
  weight: "recent" | "older" | "unresolved";
  /** What happened. */
  detail: string;
  /** Why it counts (the weights table's reason). */
  why: string;
}

export interface CustomerRisk {
  customerId: string;
  accountNumber: string;
  /** The score as of this instant (ISO). */
  asOf: string;
  score: number;
  band: Band;
  /** Sorted by points, then newest first; `score` is their sum. */
  points: ScorePoint[];
  /** Events seen but not counted (older than a year, or past a signal's cap). */
  notCounted: number;
}

export interface ScoreOptions {
  /** Only what is dated before this instant is used. */
  asOf: Date | string;
  /**
   * Everyone in the data, for the new-customer fee benchmark of the loyalty penalty
   * (default: the customer alone, so no benchmark).
   */
  population?: readonly Customer[];
  /** The benchmark already worked out for this `asOf` (`newCustomerFees`), to score many customers at once. */
  benchmark?: ReturnType<typeof newCustomerFees>;
}

const DAY_MS = 86_400_000;
const instant = (d: Date | string) => (typeof d === "string" ? toMillis(d) : d.getTime());

function weigh(e: RiskEvent, asOf: number): { points: number; weight: ScorePoint["weight"] } {
  const w = WEIGHTS[e.signal];
  const age = (asOf - toMillis(e.on)) / DAY_MS;
  if (age <= RECENT_DAYS) return { points: w.recent, weight: "recent" };
  if (age <= LOOKBACK_DAYS) return { points: w.older, weight: "older" };
  if (e.unresolved) return { points: w.older, weight: "unresolved" };
  return { points: 0, weight: "older" };
}

/** Points from events: per signal, the `cap` highest-weighted events (newest first on a tie). */
export function pointsOf(
  events: readonly RiskEvent[],
  asOf: number,
): { points: ScorePoint[]; notCounted: number } {
  const weighed = events
    .map((e) => ({ e, ...weigh(e, asOf) }))
    .sort((a, b) => b.points - a.points || b.e.on.localeCompare(a.e.on));
  const taken = new Map<SignalId, number>();
  const points: ScorePoint[] = [];
  let notCounted = 0;
  for (const { e, points: p, weight } of weighed) {
    const n = taken.get(e.signal) ?? 0;
    if (p === 0 || n >= WEIGHTS[e.signal].cap) {
      notCounted++;
      continue;
    }
    taken.set(e.signal, n + 1);
    points.push({
      signal: e.signal,
      points: p,
      ids: e.ids,
      on: e.on,
      weight,
      detail: e.detail,
      why: WEIGHTS[e.signal].why,
    });
  }
  return { points, notCounted };
}

/** The explained score of one customer as of `options.asOf`. */
export function scoreCustomer(customer: Customer, options: ScoreOptions): CustomerRisk {
  const asOf = instant(options.asOf);
  const fees = options.benchmark ?? newCustomerFees(options.population ?? [customer], asOf);
  const { points, notCounted } = pointsOf(riskEvents(customer, { asOf, newCustomerFees: fees }), asOf);
  const score = points.reduce((sum, p) => sum + p.points, 0);
  return {
    customerId: customer.id,
    accountNumber: customer.accountNumber,
    asOf: new Date(asOf).toISOString(),
    score,
    band: bandOf(score),
    points,
    notCounted,
  };
}

/** Has the customer asked to cancel before `asOf`? Then it is no longer a prediction. */
export function askedToCancel(c: Customer, asOf: number): boolean {
  return interactionsKnownAt(c, asOf).some((i) => i.kind === "cancellation_request");
}

/** A current customer: at least one service active or pending. */
export function isCurrent(c: Customer): boolean {
  return c.services.some((s) => s.status === "active" || s.status === "pending");
}

export interface AtRiskOptions {
  /** The "as of" instant: only what is dated before it counts. */
  now: Date | string;
  /** List customers scoring at least this (default: the "at risk" threshold, 10). */
  minScore?: number;
}

/**
 * Current customers (a service active or pending, no cancellation asked before `now`) scoring
 * at least `minScore`, highest first, each with the points that make the score.
 *
 * @example
 * const list = atRiskCustomers(await source.customers(), { now: new Date(), minScore: 6 });
 * for (const r of list) console.log(r.customerId, r.score, r.band, r.points.map((p) => p.detail));
 */
export function atRiskCustomers(customers: readonly Customer[], options: AtRiskOptions): CustomerRisk[] {
  const asOf = instant(options.now);
  const minScore = options.minScore ?? AT_RISK_THRESHOLD;
  const benchmark = newCustomerFees(customers, asOf);
  return customers
    .filter((c) => isCurrent(c) && toMillis(c.customerSince) < asOf && !askedToCancel(c, asOf))
    .map((c) => scoreCustomer(c, { asOf: options.now, benchmark }))
    .filter((r) => r.score >= minScore && r.score > 0)
    .sort((a, b) => b.score - a.score || a.customerId.localeCompare(b.customerId));
}
