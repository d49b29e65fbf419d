/**
 * Retention: whether an offer may be made, which, and how many are left. Never more than the
 * policy's `maxOffers` (default 1) in a conversation; never when a deny rule matches (the
 * customer cannot be served, is bereaved or vulnerable, has said no …); never without an
 * allow rule; and no offer at all when none applies.
 */
import type { RetentionAllowance, RetentionOffer } from "../domain/decision.js";
import { type DecisionState, scopesOf } from "./decisionState.js";
import { render, tested } from "./evaluate.js";
import { decidePermission } from "./permissions.js";

export function decideRetention(state: DecisionState): RetentionAllowance {
  const { rules, trace } = state;
  const maxOffers = rules.maxOffers;
  const permission = decidePermission(rules.retentionRules, state.customerVars, "retention", trace);
  const made = state.base.conversation.offersMade;
  const blockedBy = [...permission.deniedBy];
  if (permission.deniedBy.length === 0 && permission.allowedBy.length === 0)
    blockedBy.push({ ruleId: "(retention)", reason: "no retention rule allows an offer" });
  const remaining = permission.permitted ? Math.max(0, maxOffers - made) : 0;
  if (permission.permitted && remaining === 0)
    blockedBy.push({
      ruleId: "(max-offers)",
      reason: `${made} offer${made === 1 ? "" : "s"} already made; the policy allows ${maxOffers}`,
    });
  const offers: RetentionOffer[] = [];
  if (remaining > 0) {
    for (const rule of rules.offers) {
      for (const scope of scopesOf(state, rule.per)) {
        const serviceId = scope.service?.service.id;
        const t = tested(trace, rule.id, "offer", rule.when, scope.vars, serviceId);
        if (t.matched)
          offers.push({
            id: `${rule.id}${scope.key}`,
            ruleId: rule.id,
            text: render(rule.text, scope.vars, t, "text: "),
          });
      }
    }
    if (offers.length === 0)
      blockedBy.push({ ruleId: "(offers)", reason: "no offer applies to this customer" });
  }
  const allowed = remaining > 0 && offers.length > 0;
  return { allowed, remaining: allowed ? remaining : 0, maxOffers, offers: allowed ? offers : [], blockedBy };
}
