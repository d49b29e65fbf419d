/**
 * Facts: named values derived once per decision (per customer, or per service being ended),
 * in the order written, so a later fact can use an earlier one. A fact that cannot be
 * evaluated is `null` and the trace says why.
 */
import type { CFact } from "./compiledPolicy.js";
import { evaluate, type Vars } from "./evaluate.js";
import { factRecord, snapshot, type TraceRecord } from "./trace.js";

/** Evaluates `rules` into `into` (which `vars.facts` should be); returns `into`. */
export function evaluateFacts(
  rules: readonly CFact[],
  vars: Vars,
  into: Record<string, unknown>,
  trace: TraceRecord[],
  serviceId?: string,
): Record<string, unknown> {
  for (const fact of rules) {
    const r = evaluate(fact.value, vars);
    fact.assign(into, r.ok ? r.value : null);
    trace.push(
      r.ok
        ? factRecord(fact.id, snapshot(r.value), undefined, serviceId)
        : factRecord(fact.id, null, r.error, serviceId),
    );
  }
  return into;
}
