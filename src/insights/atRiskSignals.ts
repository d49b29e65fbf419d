/**
 * The signals of the at-risk score, read from one customer's record as it stood at an "as of"
 * instant: only interactions, promises, disputes, price changes and promotions dated before it.
 * Each event becomes a `RiskEvent` with the ids it comes from; `atRisk.ts` turns events into
 * points with the table in `atRiskWeights.ts`.
 *
 * What the record cannot tell: `resolved` on an interaction and `open` on a dispute are their
 * status now, not at the "as of" instant (the model keeps no history of them), so a backtest
 * sees a later resolution early. Every other fact is dated.
 */

import {
  type Customer,
  type Interaction,
  type InteractionKind,
  type SalesPromise,
  SERVICE_FAILURES,
  type Service,
} from "../domain/customer.js";
import { isoDate, toMillis } from "../domain/dates.js";
import { LOOKBACK_DAYS, LOYAL_YEARS, LOYALTY_GAP, RECOGNITION_DAYS, type SignalId } from "./atRiskWeights.js";

/** One occurrence of a signal, before it is weighed. */
export interface RiskEvent {
  signal: SignalId;
  /** The interaction, promise, invoice, dispute or service ids it rests on. */
  ids: string[];
  /** When it happened (a date); its age decides recent or older points. */
  on: string;
  /** Still unresolved: keeps its older points however old it is. */
  unresolved: boolean;
  /** What happened, in a supervisor's words, without personal data. */
  detail: string;
}

/** Kinds that are a failure of ours (for "failures across departments"): the service failures and a complaint. */
export const FAILURE_KINDS: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  ...SERVICE_FAILURES,
  "complaint",
]);

/** Tags a supervisor puts on a contact where the customer was treated badly. */
export const POOR_TREATMENT_TAGS: ReadonlySet<string> = new Set([
  "condescending",
  "confirmshaming",
  "rude",
  "pushy",
  "dismissive",
  "misleading",
]);

/** Words in a contact's summary that cite a promise ("the salesman told him he could cancel for free"). */
const CITED_PROMISE =
  /\b(promised|was promised|(told|assured) (him|her|them|me|the customer) (he|she|they|I) (could|would)|said (he|she|they|I) could)\b/i;

/** A recorded promise counts as kept when something follows it within this many days. */
const PROMISE_GRACE_DAYS = 14;

export interface SignalContext {
  /** Only what is dated before this instant is known. */
  asOf: number;
  /** The lowest monthly fee new customers pay, by `kind|currency|plan` and by `kind|currency`. */
  newCustomerFees: ReadonlyMap<string, { fee: number; serviceId: string }>;
}

const ageDays = (asOf: number, on: string) => (asOf - toMillis(on)) / 86_400_000;
const dayOf = (at: string) => at.slice(0, 10);

/** Is a price change of one of `c`'s services on record within a month of `on`? */
function priceChangeOnRecord(c: Customer, on: string): boolean {
  return c.services.some((s) => s.priceChanges.some((pc) => Math.abs(ageDays(toMillis(pc.at), on)) <= 31));
}

/** The interactions known at `asOf`. */
export function interactionsKnownAt(c: Customer, asOf: number): Interaction[] {
  return c.interactions.filter((i) => toMillis(i.at) < asOf);
}

function interactionEvents(known: Interaction[], c: Customer, asOf: number): RiskEvent[] {
  const events: RiskEvent[] = [];
  const recordedPromiseBefore = (at: string) => c.promises.some((p) => toMillis(p.date) <= toMillis(at));
  for (const i of known) {
    const on = dayOf(i.at);
    const e = (signal: SignalId, detail: string, unresolved = !i.resolved) =>
      events.push({ signal, ids: [i.id], on, unresolved, detail: `${detail} (${i.silo}, ${on})` });
    switch (i.kind) {
      case "outage":
        e("outage", "outage", false);
        break;
      case "equipment_failure":
        e("equipment_failure", "equipment failure", false);
        break;
      case "billing_error":
        if (i.resolved) e("billing_error_resolved", "billing error, resolved", false);
        else e("billing_error_unresolved", "billing error, unresolved");
        break;
      case "undisclosed_fee":
        e(
          "undisclosed_fee",
          i.resolved ? "undisclosed fee, since refunded" : "undisclosed fee, not refunded",
        );
        break;
      case "missed_appointment":
        e("missed_appointment", "missed appointment", false);
        break;
      case "late_appointment":
        e("late_appointment", "late appointment", false);
        break;
      case "complaint":
        if (i.resolved) e("complaint_resolved", "complaint, answered", false);
        else e("complaint_unresolved", "complaint, unanswered");
        break;
      case "promise":
        // A promise logged as a contact and still open after the grace period.
        if (!i.resolved && ageDays(asOf, on) > PROMISE_GRACE_DAYS)
          e("promise_broken", "promise logged as a contact, still open");
        break;
      case "price_change":
        if (!priceChangeOnRecord(c, on)) e("price_rise_contact", "price change told in a contact", false);
        break;
      default:
        break;
    }
    const tag = i.tags.find((t) => POOR_TREATMENT_TAGS.has(t));
    if (tag) e("poor_treatment", `contact flagged "${tag}"`, false);
    if (CITED_PROMISE.test(i.summary) && !recordedPromiseBefore(i.at))
      e("promise_unrecorded", "customer cites a promise with no record of it", !i.resolved);
  }
  const outages = known.filter((i) => i.kind === "outage" && ageDays(asOf, dayOf(i.at)) <= LOOKBACK_DAYS);
  if (outages.length >= 2) {
    const latest = outages
      .map((i) => dayOf(i.at))
      .sort()
      .at(-1) as string;
    events.push({
      signal: "repeated_outages",
      ids: outages.map((i) => i.id),
      on: latest,
      unresolved: false,
      detail: `${outages.length} outages within ${LOOKBACK_DAYS} days, the last on ${latest}`,
    });
  }
  const failures = known.filter(
    (i) => FAILURE_KINDS.has(i.kind) && ageDays(asOf, dayOf(i.at)) <= LOOKBACK_DAYS,
  );
  const silos = [...new Set(failures.map((i) => i.silo))].sort();
  if (silos.length >= 3)
    events.push({
      signal: "failures_across_departments",
      ids: failures.map((i) => i.id),
      on: failures
        .map((i) => dayOf(i.at))
        .sort()
        .at(-1) as string,
      unresolved: false,
      detail: `failures in ${silos.length} departments within ${LOOKBACK_DAYS} days: ${silos.join(", ")}`,
    });
  return events;
}

/**
 * Open disputes: a formal dispute is an escalation of a billing problem, so it counts beside the
 * billing error it came from (a lower weight; merging the two would let an added billing error
 * lower a score).
 */
function disputeEvents(c: Customer, asOf: number): RiskEvent[] {
  return c.billing.disputes
    .filter((d) => d.open && toMillis(d.opened) < asOf)
    .map((d) => ({
      signal: "open_dispute" as const,
      ids: [d.id],
      on: d.opened,
      unresolved: true,
      detail: `dispute of ${d.amount} ${d.currency} open since ${d.opened}`,
    }));
}

function promoEvents(c: Customer, asOf: number): RiskEvent[] {
  const events: RiskEvent[] = [];
  for (const s of c.services) {
    const p = s.promo;
    if (!p || p.applied) continue;
    const from = p.from ?? s.contract.start;
    if (toMillis(from) >= asOf) continue;
    const elapsed = Math.floor(ageDays(asOf, from) / 30.44) + 1;
    const months = Math.min(elapsed, p.months ?? elapsed);
    const missed = Math.round(months * p.monthlyDiscount * 100) / 100;
    if (p.credited >= missed) continue;
    events.push({
      signal: "promo_not_applied",
      ids: [s.id],
      on: from,
      unresolved: true,
      detail: `promotion ${p.code} (${p.monthlyDiscount} ${s.currency} a month from ${from}) sold but not applied: about ${missed} ${s.currency} missed, ${p.credited} credited`,
    });
  }
  return events;
}

/** Was a recorded promise kept, as far as the record shows by `asOf`? */
function promiseKept(p: SalesPromise, c: Customer, known: Interaction[], asOf: number): boolean {
  const after = toMillis(p.date);
  const creditAfter = c.billing.invoices.some(
    (inv) =>
      toMillis(inv.issued) >= after && toMillis(inv.issued) < asOf && inv.lines.some((l) => l.amount < 0),
  );
  switch (p.structured.kind) {
    case "callback":
      return known.some(
        (i) =>
          !FAILURE_KINDS.has(i.kind) &&
          toMillis(dayOf(i.at)) > after &&
          ageDays(toMillis(dayOf(i.at)), p.date) <= PROMISE_GRACE_DAYS,
      );
    case "discount": {
      const ids = p.structured.serviceIds;
      const services = c.services.filter((s) => ids.length === 0 || ids.includes(s.id));
      return creditAfter || services.some((s) => s.promo?.applied === true);
    }
    case "credit":
      return creditAfter;
    default:
      return true;
  }
}

function promiseEvents(c: Customer, known: Interaction[], asOf: number): RiskEvent[] {
  return c.promises
    .filter((p) => p.structured.condition === "always" && ageDays(asOf, p.date) > PROMISE_GRACE_DAYS)
    .filter((p) => !promiseKept(p, c, known, asOf))
    .map((p) => ({
      signal: "promise_broken" as const,
      ids: [p.id],
      on: p.date,
      unresolved: true,
      detail: `${p.structured.kind} promised by ${p.silo} on ${p.date}, no sign it was kept`,
    }));
}

function priceEvents(c: Customer, asOf: number): RiskEvent[] {
  return c.services.flatMap((s) =>
    s.priceChanges
      .filter((pc) => toMillis(pc.at) < asOf && pc.to > pc.from)
      .map((pc) => ({
        signal: pc.statedInContract
          ? ("price_rise_in_contract" as const)
          : ("price_rise_not_in_contract" as const),
        ids: [s.id],
        on: pc.at,
        unresolved: false,
        detail: `price of ${s.plan} rose from ${pc.from} to ${pc.to} ${s.currency} on ${pc.at}${
          pc.statedInContract ? "" : ", an amount the contract did not state"
        }`,
      })),
  );
}

/** The monthly fee a service had at `asOf` (before any later price change). */
export function feeAsOf(s: Service, asOf: number): number {
  const later = s.priceChanges
    .filter((pc) => toMillis(pc.at) >= asOf)
    .sort((a, b) => a.at.localeCompare(b.at));
  return later[0]?.from ?? s.monthlyFee;
}

/**
 * The lowest fee new customers (customer since within the last year before `asOf`) pay, by
 * `kind|currency|plan` and by `kind|currency`.
 */
export function newCustomerFees(customers: readonly Customer[], asOf: number) {
  const fees = new Map<string, { fee: number; serviceId: string }>();
  const offer = (key: string, fee: number, serviceId: string) => {
    const best = fees.get(key);
    if (!best || fee < best.fee) fees.set(key, { fee, serviceId });
  };
  for (const c of customers) {
    const age = ageDays(asOf, c.customerSince);
    if (age < 0 || age > LOOKBACK_DAYS) continue;
    for (const s of c.services) {
      if (toMillis(s.contract.start) >= asOf) continue;
      const fee = feeAsOf(s, asOf);
      offer(`${s.kind}|${s.currency}|${s.plan}`, fee, s.id);
      offer(`${s.kind}|${s.currency}`, fee, s.id);
    }
  }
  return fees;
}

function loyaltyEvents(c: Customer, known: Interaction[], ctx: SignalContext): RiskEvent[] {
  const { asOf } = ctx;
  if (ageDays(asOf, c.customerSince) < 365.25 * LOYAL_YEARS) return [];
  const recognised = known.some(
    (i) => i.kind === "retention_offer" && ageDays(asOf, dayOf(i.at)) <= RECOGNITION_DAYS,
  );
  if (recognised) return [];
  const years = Math.floor(ageDays(asOf, c.customerSince) / 365.25);
  const events: RiskEvent[] = [];
  for (const s of c.services) {
    if (
      toMillis(s.contract.start) >= asOf ||
      (s.promo?.applied && toMillis(s.promo.from ?? s.contract.start) < asOf)
    )
      continue;
    const samePlan = ctx.newCustomerFees.get(`${s.kind}|${s.currency}|${s.plan}`);
    const sameKind = ctx.newCustomerFees.get(`${s.kind}|${s.currency}`);
    const bench = samePlan ?? sameKind;
    const fee = feeAsOf(s, asOf);
    if (!bench || bench.serviceId === s.id || fee < bench.fee * (1 + LOYALTY_GAP)) continue;
    events.push({
      signal: "loyalty_penalty",
      ids: [s.id, bench.serviceId],
      on: isoDate(asOf),
      unresolved: true,
      detail: `customer for ${years} years pays ${fee} ${s.currency} a month for ${s.kind}; a new customer pays ${bench.fee} ${
        samePlan ? "on the same plan" : `for ${s.kind} (no new customer on this plan)`
      }; no retention offer in ${Math.round(RECOGNITION_DAYS / 365)} years`,
    });
  }
  return events;
}

/** Every risk event in `c`'s record known at `ctx.asOf`. */
export function riskEvents(c: Customer, ctx: SignalContext): RiskEvent[] {
  const known = interactionsKnownAt(c, ctx.asOf);
  return [
    ...interactionEvents(known, c, ctx.asOf),
    ...disputeEvents(c, ctx.asOf),
    ...promoEvents(c, ctx.asOf),
    ...promiseEvents(c, known, ctx.asOf),
    ...priceEvents(c, ctx.asOf),
    ...loyaltyEvents(c, known, ctx),
  ];
}
