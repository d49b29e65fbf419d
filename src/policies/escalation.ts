/**
 * Escalation: when a person takes over (the customer asks; a promise is claimed that is not
 * on record; bereavement or vulnerability if the pack says so; a legal threat; a large
 * dispute). Any matching rule requires a hand-off; every reason is kept.
 */
import type { Escalation } from "../domain/decision.js";
import type { DecisionState } from "./decisionState.js";
import { render, tested } from "./evaluate.js";

export function decideEscalation(state: DecisionState): Escalation {
  const reasons: Escalation["reasons"] = [];
  for (const rule of state.rules.escalation) {
    const t = tested(state.trace, rule.id, "escalation", rule.when, state.customerVars);
    if (t.matched)
      reasons.push({ ruleId: rule.id, reason: render(rule.reason, state.customerVars, t, "reason: ") });
  }
  return { required: reasons.length > 0, reasons };
}
