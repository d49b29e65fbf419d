/**
 * Compares a decision with what a case expects. Lists are "contains" checks (each expected
 * item must match some item of the decision; `…Absent` lists must match none), so a case
 * states only what it is about. Every mismatch is one plain line.
 */
import type { Decision } from "../../domain/decision.js";
import { UNAVAILABLE } from "../evaluate.js";
import { packsOf } from "../trace.js";
import type { CaseExpectation } from "./casesSchema.js";

const close = (a: number, b: number) => Math.abs(a - b) < 0.005;

function same(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return close(a, b);
  return JSON.stringify(a) === JSON.stringify(b);
}

const list = (xs: readonly string[]) => (xs.length === 0 ? "none" : xs.join(", "));

type FeeQuery = NonNullable<CaseExpectation["fees"]>[number];

function feeMatches(d: Decision, q: FeeQuery) {
  return d.services
    .flatMap((s) => s.fees)
    .filter(
      (f) =>
        (q.rule === undefined || f.ruleId === q.rule) &&
        (q.service === undefined || f.serviceId === q.service) &&
        (q.kind === undefined || f.kind === q.kind) &&
        (q.amount === undefined || close(f.amount, q.amount)),
    );
}

function describeFee(q: FeeQuery): string {
  return [q.rule, q.kind, q.service, q.amount].filter((x) => x !== undefined).join(" ");
}

/** Every text the decision will show a person. */
function texts(d: Decision): { what: string; text: string }[] {
  return [
    ...d.obligations.map((o) => ({ what: `obligation ${o.id}`, text: o.message })),
    ...d.waivers.map((w) => ({ what: `waiver ${w.ruleId}`, text: w.reason })),
    ...d.services.flatMap((s) => s.fees.map((f) => ({ what: `fee ${f.ruleId}`, text: f.explanation }))),
    ...d.retention.offers.map((o) => ({ what: `offer ${o.id}`, text: o.text })),
    ...d.escalation.reasons.map((r) => ({ what: `escalation ${r.ruleId}`, text: r.reason })),
    ...d.actions.flatMap((a) => [
      { what: `action ${a.id} key`, text: a.idempotencyKey },
      ...Object.entries(a.params).map(([k, v]) => ({ what: `action ${a.id} ${k}`, text: String(v) })),
    ]),
  ];
}

/** The mismatches between `d` and `e`; empty when the case passes. */
export function checkExpectation(d: Decision, e: CaseExpectation): string[] {
  const out: string[] = [];
  for (const t of texts(d))
    if (t.text.includes(UNAVAILABLE)) out.push(`${t.what} has an unavailable placeholder: "${t.text}"`);

  if (e.packs && !same(e.packs, packsOf(d)))
    out.push(`packs: expected ${list(e.packs)}, got ${list(packsOf(d))}`);
  for (const [currency, amount] of Object.entries(e.totals ?? {})) {
    const got = d.totals.find((t) => t.currency === currency)?.amount ?? 0;
    if (!close(got, amount)) out.push(`total ${currency}: expected ${amount}, got ${got}`);
  }
  for (const [serviceId, date] of Object.entries(e.endDates ?? {})) {
    const got = d.services.find((s) => s.serviceId === serviceId)?.endDate;
    if (got !== date) out.push(`end date of ${serviceId}: expected ${date}, got ${got ?? "no such service"}`);
  }
  const allFees = d.services.flatMap((s) => s.fees);
  for (const q of e.fees ?? []) {
    if (feeMatches(d, q).length === 0)
      out.push(
        `fee ${describeFee(q)}: not found; fees are ${list(allFees.map((f) => `${f.ruleId} ${f.serviceId} ${f.amount}`))}`,
      );
  }
  for (const q of e.feesAbsent ?? []) {
    for (const f of feeMatches(d, q))
      out.push(`fee ${f.ruleId} ${f.serviceId} ${f.amount}: expected none like ${describeFee(q)}`);
  }
  for (const q of e.waivers ?? []) {
    const found = d.waivers.filter(
      (w) =>
        w.ruleId === q.rule &&
        (q.service === undefined || w.serviceId === q.service) &&
        (q.amount === undefined || close(w.amountWaived, q.amount)),
    );
    if (found.length === 0) {
      out.push(
        `waiver ${q.rule}${q.amount === undefined ? "" : ` of ${q.amount}`}: not applied; waivers are ${list(d.waivers.map((w) => `${w.ruleId} ${w.amountWaived}`))}`,
      );
      continue;
    }
    if (q.says !== undefined && !found.some((w) => w.reason.includes(q.says!)))
      out.push(`waiver ${q.rule}: reason does not say "${q.says}": "${found[0]!.reason}"`);
    for (const ref of q.cites ?? [])
      if (!found.some((w) => w.evidence.some((ev) => ev.ref === ref)))
        out.push(`waiver ${q.rule}: does not cite ${ref}`);
  }
  for (const rule of e.waiversAbsent ?? [])
    if (d.waivers.some((w) => w.ruleId === rule)) out.push(`waiver ${rule}: applied, expected not`);

  for (const q of e.obligations ?? []) {
    const query = typeof q === "string" ? { rule: q } : q;
    const found = d.obligations.filter(
      (o) => o.ruleId === query.rule && (query.service === undefined || o.serviceIds.includes(query.service)),
    );
    if (found.length === 0) {
      out.push(`obligation ${query.rule}: missing; obligations are ${list(d.obligations.map((o) => o.id))}`);
      continue;
    }
    if ("before" in query && query.before && !found.some((o) => o.before === query.before))
      out.push(`obligation ${query.rule}: before ${found[0]!.before}, expected ${query.before}`);
    if ("says" in query && query.says && !found.some((o) => o.message.includes(query.says!)))
      out.push(`obligation ${query.rule}: message does not say "${query.says}": "${found[0]!.message}"`);
  }
  for (const rule of e.obligationsAbsent ?? [])
    if (d.obligations.some((o) => o.ruleId === rule)) out.push(`obligation ${rule}: present, expected not`);

  for (const q of e.actions ?? []) {
    const query = typeof q === "string" ? { rule: q } : q;
    const found = d.actions.filter(
      (a) => a.ruleId === query.rule && (query.service === undefined || a.serviceId === query.service),
    );
    if (found.length === 0) {
      out.push(`action ${query.rule}: missing; actions are ${list(d.actions.map((a) => a.id))}`);
      continue;
    }
    if (
      "at" in query &&
      query.at &&
      !found.some((a) => a.at !== undefined && Date.parse(a.at) === Date.parse(query.at!))
    )
      out.push(`action ${query.rule}: at ${found[0]!.at ?? "once"}, expected ${query.at}`);
    for (const [k, v] of Object.entries(("params" in query && query.params) || {}))
      if (!found.some((a) => String(a.params[k]) === v))
        out.push(`action ${query.rule}: param ${k} is ${String(found[0]!.params[k])}, expected ${v}`);
  }
  for (const rule of e.actionsAbsent ?? [])
    if (d.actions.some((a) => a.ruleId === rule)) out.push(`action ${rule}: planned, expected not`);

  const r = d.retention;
  if (e.offers?.allowed !== undefined && r.allowed !== e.offers.allowed)
    out.push(
      `offers allowed: expected ${e.offers.allowed}, got ${r.allowed} (${list(r.blockedBy.map((b) => b.ruleId))})`,
    );
  if (e.offers?.remaining !== undefined && r.remaining !== e.offers.remaining)
    out.push(`offers remaining: expected ${e.offers.remaining}, got ${r.remaining}`);
  for (const rule of e.offers?.rules ?? [])
    if (!r.offers.some((o) => o.ruleId === rule))
      out.push(`offer ${rule}: not offered; offers are ${list(r.offers.map((o) => o.id))}`);
  for (const rule of e.offers?.blockedBy ?? [])
    if (!r.blockedBy.some((b) => b.ruleId === rule))
      out.push(`offers: not blocked by ${rule}; blocked by ${list(r.blockedBy.map((b) => b.ruleId))}`);

  if (e.escalation?.required !== undefined && d.escalation.required !== e.escalation.required)
    out.push(
      `escalation required: expected ${e.escalation.required}, got ${d.escalation.required} (${list(d.escalation.reasons.map((x) => x.ruleId))})`,
    );
  for (const rule of e.escalation?.reasons ?? [])
    if (!d.escalation.reasons.some((x) => x.ruleId === rule))
      out.push(
        `escalation ${rule}: not a reason; reasons are ${list(d.escalation.reasons.map((x) => x.ruleId))}`,
      );

  if (e.alumni?.contactAllowed !== undefined && d.alumni.contactAllowed !== e.alumni.contactAllowed)
    out.push(
      `alumni contact allowed: expected ${e.alumni.contactAllowed}, got ${d.alumni.contactAllowed} (${d.alumni.reason})`,
    );
  if (e.alumni?.maxContacts !== undefined && d.alumni.maxContacts !== e.alumni.maxContacts)
    out.push(`alumni max contacts: expected ${e.alumni.maxContacts}, got ${d.alumni.maxContacts}`);

  if (e.rootCause !== undefined && !same(d.rootCause.chain, e.rootCause))
    out.push(`root cause: expected ${list(e.rootCause)}, got ${list(d.rootCause.chain)}`);

  for (const [name, value] of Object.entries(e.facts ?? {}))
    if (!same(d.facts[name], value))
      out.push(`fact ${name}: expected ${JSON.stringify(value)}, got ${JSON.stringify(d.facts[name])}`);
  const byService = (d.facts.byService ?? {}) as Record<string, Record<string, unknown>>;
  for (const [serviceId, facts] of Object.entries(e.serviceFacts ?? {}))
    for (const [name, value] of Object.entries(facts)) {
      const got = byService[serviceId]?.[name];
      if (!same(got, value))
        out.push(
          `fact ${name} of ${serviceId}: expected ${JSON.stringify(value)}, got ${JSON.stringify(got)}`,
        );
    }
  return out;
}
