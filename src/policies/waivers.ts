/**
 * Waivers: reasons a fee is reduced or dropped (a recorded promise whose condition holds,
 * cooling-off, moving out of coverage, bereavement, our own errors, an unstated price rise),
 * each with the words the customer is told and the evidence cited. Waivers apply in rule
 * order; each takes from what is still owed of its fee kinds, so nothing is waived twice.
 */

import type { Evidence, FeeLine, WaiverApplied } from "../domain/decision.js";
import { roundMoney } from "../domain/money.js";
import type { CEvidence, CWaiver } from "./compiledPolicy.js";
import type { DecisionState, ServiceState } from "./decisionState.js";
import { evaluate, evaluateNumber, render, tested } from "./evaluate.js";
import { note, type TraceRecord } from "./trace.js";
import { copyVars, type ExprVars } from "./vars.js";

function refOf(item: unknown, index: number): string {
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    if (typeof o.id === "string") return o.id;
    if (typeof o.at === "string") return o.at;
  }
  if (typeof item === "string") return item;
  return String(index);
}

/** Collects the evidence; `found` counts records found by `from` expressions. Problems are noted on `t`. */
function collectEvidence(
  specs: readonly CEvidence[],
  vars: ExprVars,
  t: TraceRecord,
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
      note(t, r.ok ? `\`${spec.from.source}\` is not a list` : r.error);
      continue;
    }
    r.value.forEach((item, i) => {
      found++;
      list.push(item);
      let text: string | undefined;
      if (spec.note) {
        const itemVars = copyVars(vars);
        itemVars.item = item;
        text = render(spec.note, itemVars, t);
      }
      cited.push(
        text
          ? { kind: spec.kind, ref: refOf(item, i), note: text }
          : { kind: spec.kind, ref: refOf(item, i) },
      );
    });
  }
  return { cited, byKind, found };
}

/** Applies `rules` to one service's fees; adds the waivers to its outcome. */
function waiveService(rules: readonly CWaiver[], s: ServiceState, trace: TraceRecord[]): void {
  const serviceId = s.service.id;
  const owed = new Map<FeeLine["kind"], number>();
  for (const f of s.outcome.fees) owed.set(f.kind, roundMoney((owed.get(f.kind) ?? 0) + f.amount));
  for (const rule of rules) {
    const t = tested(trace, rule.id, "waiver", rule.when, s.vars, serviceId);
    if (!t.matched) continue;
    const notes: string[] = [];
    t.notes = notes;
    const evidence = collectEvidence(rule.evidence, s.vars, t);
    if (rule.requireEvidence && evidence.found === 0) {
      notes.push("no evidence on record");
      t.matched = false;
      continue;
    }
    const pool = roundMoney(rule.feeKinds.reduce((sum, k) => sum + (owed.get(k) ?? 0), 0));
    let target = pool;
    if (rule.waive.kind === "percent") target = roundMoney((pool * rule.waive.percent) / 100);
    else if (rule.waive.kind === "upTo") {
      const cap = evaluateNumber(rule.waive.upTo, s.vars);
      if (!cap.ok) {
        notes.push(cap.error);
        t.matched = false;
        continue;
      }
      target = roundMoney(Math.max(0, Math.min(pool, cap.value)));
    }
    if (target === 0) {
      notes.push("nothing left to waive");
      continue;
    }
    let left = target;
    for (const kind of rule.feeKinds) {
      const take = Math.min(left, owed.get(kind) ?? 0);
      if (take > 0) owed.set(kind, roundMoney((owed.get(kind) ?? 0) - take));
      left = roundMoney(left - take);
    }
    const vars = copyVars(s.vars);
    vars.evidence = evidence.byKind;
    vars.waived = target;
    const reason = render(rule.reason, vars, t, "reason: ");
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
