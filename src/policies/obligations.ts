/**
 * Obligations: what must be said, and before which stage of the conversation (device lock
 * and unlock, porting code, payment mandate, final bill, equipment, dates, the door staying
 * open …). One per customer, per service or per device, with its message rendered.
 */
import type { CObligation } from "./compiledPolicy.js";
import type { Obligation } from "./decision.js";
import { type DecisionState, scopesOf } from "./decisionState.js";
import { render, test } from "./evaluate.js";
import { traceEntry, withNotes } from "./trace.js";

export function decideObligations(rules: readonly CObligation[], state: DecisionState): Obligation[] {
  const out: Obligation[] = [];
  const allServiceIds = state.services.map((s) => s.service.id);
  for (const rule of rules) {
    for (const scope of scopesOf(state, rule.per)) {
      const serviceId = scope.service?.service.id;
      const t = test(rule.when, scope.vars);
      if (!t.matched) {
        state.trace.push(traceEntry(rule.id, "obligation", false, t.why, serviceId));
        continue;
      }
      const errors: string[] = [];
      const message = render(rule.message, scope.vars, (e) => errors.push(`message: ${e}`));
      out.push({
        id: `${rule.id}${scope.key}`,
        ruleId: rule.id,
        topic: rule.topic,
        before: rule.before,
        message,
        serviceIds: serviceId ? [serviceId] : allServiceIds,
        ...(rule.citation ? { citation: rule.citation } : {}),
      });
      state.trace.push(traceEntry(rule.id, "obligation", true, withNotes(t.why, errors), serviceId));
    }
  }
  return out;
}
