/**
 * Alumni and win-back: whether the company may contact the customer after they leave, how
 * often and after how long a quiet period. Only when an allow rule (normally: consent given)
 * matches and no deny rule does.
 */
import type { AlumniAllowance } from "../domain/decision.js";
import type { DecisionState } from "./decisionState.js";
import { decidePermission } from "./permissions.js";

export function decideAlumni(state: DecisionState): AlumniAllowance {
  const { rules } = state;
  const p = decidePermission(rules.alumniRules, state.customerVars, "alumni", state.trace);
  const contactAllowed = p.permitted && rules.maxContacts > 0;
  const reason =
    p.deniedBy.length > 0
      ? p.deniedBy.map((d) => d.reason).join(" ")
      : p.allowedBy.length === 0
        ? "No rule allows contact after leaving."
        : rules.maxContacts === 0
          ? "The policy allows no contacts after leaving."
          : p.allowedBy.map((a) => a.reason).join(" ");
  return {
    contactAllowed,
    maxContacts: contactAllowed ? rules.maxContacts : 0,
    quietDays: rules.quietDays,
    reason,
  };
}
