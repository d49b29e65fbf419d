/**
 * The impact of a policy change: both policies decide for every customer (same moment, same
 * conversation), and the report lists whose decision changes, how, and the total change in
 * fees per currency. `fairexit policy diff` prints it.
 */
import type { Coverage, Customer } from "../domain/customer.js";
import type { ConversationFacts, Decision } from "../domain/decision.js";
import { roundMoney } from "../domain/money.js";
import type { CompiledPolicy } from "./compiledPolicy.js";
import { decide } from "./decide.js";

export interface CustomerImpact {
  customerId: string;
  /** New total minus old total, per currency (only currencies that changed). */
  feeDelta: { currency: string; amount: number }[];
  /** What changed, one plain line each. */
  changes: string[];
}

export interface ImpactReport {
  customers: number;
  changed: CustomerImpact[];
  /** Sum of every customer's fee change, per currency. */
  feeDelta: { currency: string; amount: number }[];
}

function totalsOf(d: Decision): Map<string, number> {
  return new Map(d.totals.map((t) => [t.currency, t.amount]));
}

function setDiff(label: string, before: string[], after: string[], out: string[]): void {
  const a = new Set(before);
  const b = new Set(after);
  for (const x of b) if (!a.has(x)) out.push(`${label} added: ${x}`);
  for (const x of a) if (!b.has(x)) out.push(`${label} removed: ${x}`);
}

/** What differs between two decisions for the same customer. */
export function compareDecisions(before: Decision, after: Decision): CustomerImpact {
  const changes: string[] = [];
  const feeDelta: { currency: string; amount: number }[] = [];
  const a = totalsOf(before);
  const b = totalsOf(after);
  for (const currency of new Set([...a.keys(), ...b.keys()])) {
    const delta = roundMoney((b.get(currency) ?? 0) - (a.get(currency) ?? 0));
    if (delta !== 0) {
      feeDelta.push({ currency, amount: delta });
      changes.push(`total ${currency} ${a.get(currency) ?? 0} -> ${b.get(currency) ?? 0}`);
    }
  }
  for (const s of after.services) {
    const old = before.services.find((x) => x.serviceId === s.serviceId);
    if (old && old.endDate !== s.endDate)
      changes.push(`end date of ${s.serviceId} ${old.endDate} -> ${s.endDate}`);
  }
  const feeKey = (d: Decision) =>
    d.services.flatMap((s) => s.fees.map((f) => `${f.ruleId} ${f.serviceId} ${f.amount}`));
  setDiff("fee", feeKey(before), feeKey(after), changes);
  const waiverKey = (d: Decision) => d.waivers.map((w) => `${w.ruleId} ${w.serviceId} ${w.amountWaived}`);
  setDiff("waiver", waiverKey(before), waiverKey(after), changes);
  setDiff(
    "obligation",
    before.obligations.map((o) => o.id),
    after.obligations.map((o) => o.id),
    changes,
  );
  const changedText = after.obligations.filter((o) => {
    const old = before.obligations.find((x) => x.id === o.id);
    return old !== undefined && old.message !== o.message;
  });
  for (const o of changedText) changes.push(`obligation reworded: ${o.id}`);
  setDiff(
    "action",
    before.actions.map((x) => x.idempotencyKey),
    after.actions.map((x) => x.idempotencyKey),
    changes,
  );
  if (before.retention.allowed !== after.retention.allowed)
    changes.push(
      `offers ${before.retention.allowed ? "allowed" : "not allowed"} -> ${after.retention.allowed ? "allowed" : "not allowed"}`,
    );
  setDiff(
    "offer",
    before.retention.offers.map((o) => o.id),
    after.retention.offers.map((o) => o.id),
    changes,
  );
  if (before.escalation.required !== after.escalation.required)
    changes.push(
      `hand-off ${before.escalation.required ? "required" : "not required"} -> ${after.escalation.required ? "required" : "not required"}`,
    );
  setDiff(
    "hand-off reason",
    before.escalation.reasons.map((r) => r.ruleId),
    after.escalation.reasons.map((r) => r.ruleId),
    changes,
  );
  if (
    before.alumni.contactAllowed !== after.alumni.contactAllowed ||
    before.alumni.maxContacts !== after.alumni.maxContacts
  )
    changes.push(`alumni contacts ${before.alumni.maxContacts} -> ${after.alumni.maxContacts}`);
  return { customerId: after.customerId, feeDelta, changes };
}

/** Decides for every customer under both policies and reports the differences. */
export function policyImpact(
  before: CompiledPolicy,
  after: CompiledPolicy,
  customers: readonly Customer[],
  coverage: Coverage,
  now: Date,
  conversation: ConversationFacts = {},
): ImpactReport {
  const changed: CustomerImpact[] = [];
  const total = new Map<string, number>();
  for (const customer of customers) {
    const context = { customer, coverage, conversation };
    const impact = compareDecisions(decide(before, context, now), decide(after, context, now));
    if (impact.changes.length === 0) continue;
    changed.push(impact);
    for (const d of impact.feeDelta)
      total.set(d.currency, roundMoney((total.get(d.currency) ?? 0) + d.amount));
  }
  return {
    customers: customers.length,
    changed,
    feeDelta: [...total]
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([currency, amount]) => ({ currency, amount })),
  };
}
