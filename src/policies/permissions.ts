/**
 * Allow/deny rules (retention offers, alumni contact): permitted when at least one allow rule
 * matches and no deny rule does. A prohibition always beats a permission, whatever the order.
 */
import type { CPermission } from "./compiledPolicy.js";
import { render, tested, type Vars } from "./evaluate.js";
import type { TraceRecord } from "./trace.js";

export interface PermissionResult {
  permitted: boolean;
  allowedBy: { ruleId: string; reason: string }[];
  deniedBy: { ruleId: string; reason: string }[];
}

export function decidePermission(
  rules: readonly CPermission[],
  vars: Vars,
  kind: string,
  trace: TraceRecord[],
): PermissionResult {
  const allowedBy: PermissionResult["allowedBy"] = [];
  const deniedBy: PermissionResult["deniedBy"] = [];
  for (const rule of rules) {
    const t = tested(trace, rule.id, kind, rule.when, vars);
    t.prefix = rule.effect === "deny" ? "deny: " : "allow: ";
    if (t.matched) {
      const reason = render(rule.reason, vars, t, "reason: ");
      (rule.effect === "deny" ? deniedBy : allowedBy).push({ ruleId: rule.id, reason });
    }
  }
  return { permitted: allowedBy.length > 0 && deniedBy.length === 0, allowedBy, deniedBy };
}
