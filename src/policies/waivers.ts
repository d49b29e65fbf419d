/**
 * Waivers: reasons a fee is reduced or dropped (a recorded promise whose condition holds,
 * cooling-off, moving out of coverage, bereavement, our own errors, an unstated price rise),
 * each with the words the customer is told and the evidence cited. Waivers apply in rule
 * order; each takes from what is still owed of its fee kinds, so nothing is waived twice.
 */
import type { CEvidence, CWaiver } from "./compiledPolicy.js";
import type { Evidence, FeeLine, TraceEntry, WaiverApplied } from "./decision.js";
import type { DecisionState, ServiceState } from "./decisionState.js";
import { evaluate, evaluateNumber, render, test, type Vars } from "./evaluate.js";
import { roundMoney } from "./money.js";
import { traceEntry, withNotes } from "./trace.js";

function refOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    if (typeof o.id === "string") return o.id;
    if (typeof o.at === "string") return o.at;
  }
  if (typeof item === "string") return item;
  return String(index);
}

/** Collects the evidence; `found` counts records found by `from` expressions. */
function collectEvidence(
  specs: readonly CEvidence[],
  vars: Vars,
  problems: string[],
): { cited: Evidence[]; byKind: Record<string, unknown[]>; found: number } {
  const cited: Evidence[] = [];
  const byKind: Record<string, unknown[]> = {};
  let found = 0;
  for (const spec of specs) {
    byKind[spec.kind] ??= [];
    const list = byKind[spec.kind]!;
    if (spec.ref) cited.push({ kind: spec.kind, ref: spec.ref });
    if (!spec.from) continue;
    const r = evaluate(spec.from, vars);
    if (!r.ok || !Array.isArray(r.value)) {
      problems.push(r.ok ? `\`${spec.from.source}\` is not a list` : r.error);
      continue;
    }
    r.value.forEach((item, i) => {
      found++;
      list.push(item);
      const note = spec.note ? render(spec.note, { ...vars, item }, (e) => problems.push(e)) : undefined;
      cited.push({ kind: spec.kind, ref: refOf(item, i), ...(note ? { note } : {}) });
    });
  }
  return { cited, byKind, found };
}

/** Applies `rules` to one service's fees; adds the waivers to its outcome. */
function waiveService(rules: readonly CWaiver[], s: ServiceState, trace: TraceEntry[]): void {
  const serviceId = s.service.id;
  const owed = new Map<FeeLine["kind"], number>();
  for (const f of s.outcome.fees) owed.set(f.kind, roundMoney((owed.get(f.kind) ?? 0) + f.amount));
  for (const rule of rules) {
    const t = test(rule.when, s.vars);
    if (!t.matched) {
      trace.push(traceEntry(rule.id, "waiver", false, t.why, serviceId));
      continue;
    }
    const notes: string[] = [];
    const evidence = collectEvidence(rule.evidence, s.vars, notes);
    if (rule.requireEvidence && evidence.found === 0) {
      notes.push("no evidence on record");
      trace.push(traceEntry(rule.id, "waiver", false, withNotes(t.why, notes), serviceId));
      continue;
    }
    const pool = roundMoney(rule.feeKinds.reduce((sum, k) => sum + (owed.get(k) ?? 0), 0));
    let target = pool;
    if (rule.waive.kind === "percent") target = roundMoney((pool * rule.waive.percent) / 100);
    else if (rule.waive.kind === "upTo") {
      const cap = evaluateNumber(rule.waive.upTo, s.vars);
      if (!cap.ok) {
        notes.push(cap.error);
        trace.push(traceEntry(rule.id, "waiver", false, withNotes(t.why, notes), serviceId));
        continue;
      }
      target = roundMoney(Math.max(0, Math.min(pool, cap.value)));
    }
    if (target === 0) {
      notes.push("nothing left to waive");
      trace.push(traceEntry(rule.id, "waiver", true, withNotes(t.why, notes), serviceId));
      continue;
    }
    let left = target;
    for (const kind of rule.feeKinds) {
      const take = Math.min(left, owed.get(kind) ?? 0);
      if (take > 0) owed.set(kind, roundMoney((owed.get(kind) ?? 0) - take));
      left = roundMoney(left - take);
    }
    const vars = { ...s.vars, evidence: evidence.byKind, waived: target };
    const reason = render(rule.reason, vars, (e) => notes.push(`reason: ${e}`));
    const waiver: WaiverApplied = {
      ruleId: rule.id,
      serviceId,
      feeKinds: rule.feeKinds,
      amountWaived: target,
      currency: s.service.currency,
      reason,
      evidence: rule.citation
        ? [...evidence.cited, { kind: "regulation", ref: rule.citation }]
        : evidence.cited,
    };
    s.outcome.waivers.push(waiver);
    notes.push(`waives ${target}`);
    trace.push(traceEntry(rule.id, "waiver", true, withNotes(t.why, notes), serviceId));
  }
}

export function decideWaivers(rules: readonly CWaiver[], state: DecisionState): void {
  for (const s of state.services) {
    waiveService(rules, s, state.trace);
    const fees = s.outcome.fees.reduce((sum, f) => sum + f.amount, 0);
    const waived = s.outcome.waivers.reduce((sum, w) => sum + w.amountWaived, 0);
    s.outcome.totalDue = roundMoney(Math.max(0, fees - waived));
  }
}
