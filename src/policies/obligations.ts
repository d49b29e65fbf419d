/**
 * Obligations: what must be said, and before which stage of the conversation (device lock
 * and unlock, porting code, payment mandate, final bill, equipment, dates, the door staying
 * open …). One per customer, per service or per device, with its message rendered.
 */

import type { Obligation } from "../domain/decision.js";
import type { CObligation } from "./compiledPolicy.js";
import { type DecisionState, scopesOf } from "./decisionState.js";
import { render, tested } from "./evaluate.js";

export function decideObligations(rules: readonly CObligation[], state: DecisionState): Obligation[] {
  const out: Obligation[] = [];
  const allServiceIds = state.services.map((s) => s.service.id);
  for (const rule of rules) {
    for (const scope of scopesOf(state, rule.per)) {
      const serviceId = scope.service?.service.id;
      const t = tested(state.trace, rule.id, "obligation", rule.when, scope.vars, serviceId);
      if (!t.matched) continue;
      const message = render(rule.message, scope.vars, t, "message: ");
      const obligation: Obligation = {
        id: `${rule.id}${scope.key}`,
        ruleId: rule.id,
        topic: rule.topic,
        before: rule.before,
        message,
        serviceIds: serviceId ? [serviceId] : allServiceIds,
      };
      if (rule.citation) obligation.citation = rule.citation;
      out.push(obligation);
    }
  }
  return out;
}
