/**
 * Facts: named values derived once per decision (per customer, or per service being ended),
 * in the order written, so a later fact can use an earlier one. A fact that cannot be
 * evaluated is `null` and the trace says why.
 */
import type { CFact } from "./compiledPolicy.js";
import type { TraceEntry } from "./decision.js";
import { evaluate, show, type Vars } from "./evaluate.js";
import { traceEntry } from "./trace.js";

/** Evaluates `rules` into `into` (which `vars.facts` should be); returns `into`. */
export function evaluateFacts(
  rules: readonly CFact[],
  vars: Vars,
  into: Record<string, unknown>,
  trace: TraceEntry[],
  serviceId?: string,
): Record<string, unknown> {
  for (const fact of rules) {
    const r = evaluate(fact.value, vars);
    into[fact.id] = r.ok ? r.value : null;
    trace.push(
      traceEntry(
        fact.id,
        "fact",
        r.ok,
        r.ok ? `${fact.id} = ${show(r.value)}` : `${fact.id} = null: ${r.error}`,
        serviceId,
      ),
    );
  }
  return into;
}
