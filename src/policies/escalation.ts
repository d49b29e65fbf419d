/**
 * Escalation: when a person takes over (the customer asks; a promise is claimed that is not
 * on record; bereavement or vulnerability if the pack says so; a legal threat; a large
 * dispute). Any matching rule requires a hand-off; every reason is kept.
 */
import type { Escalation } from "./decision.js";
import type { DecisionState } from "./decisionState.js";
import { render, test } from "./evaluate.js";
import { traceEntry, withNotes } from "./trace.js";

export function decideEscalation(state: DecisionState): Escalation {
  const reasons: Escalation["reasons"] = [];
  for (const rule of state.rules.escalation) {
    const t = test(rule.when, state.customerVars);
    const errors: string[] = [];
    if (t.matched)
      reasons.push({
        ruleId: rule.id,
        reason: render(rule.reason, state.customerVars, (e) => errors.push(`reason: ${e}`)),
      });
    state.trace.push(traceEntry(rule.id, "escalation", t.matched, withNotes(t.why, errors)));
  }
  return { required: reasons.length > 0, reasons };
}
