/**
 * Allow/deny rules (retention offers, alumni contact): permitted when at least one allow rule
 * matches and no deny rule does. A prohibition always beats a permission, whatever the order.
 */
import type { CPermission } from "./compiledPolicy.js";
import type { TraceEntry } from "./decision.js";
import { render, test, type Vars } from "./evaluate.js";
import { traceEntry, withNotes } from "./trace.js";

export interface PermissionResult {
  permitted: boolean;
  allowedBy: { ruleId: string; reason: string }[];
  deniedBy: { ruleId: string; reason: string }[];
}

export function decidePermission(
  rules: readonly CPermission[],
  vars: Vars,
  kind: string,
  trace: TraceEntry[],
): PermissionResult {
  const allowedBy: PermissionResult["allowedBy"] = [];
  const deniedBy: PermissionResult["deniedBy"] = [];
  for (const rule of rules) {
    const t = test(rule.when, vars);
    const errors: string[] = [];
    if (t.matched) {
      const reason = render(rule.reason, vars, (e) => errors.push(`reason: ${e}`));
      (rule.effect === "deny" ? deniedBy : allowedBy).push({ ruleId: rule.id, reason });
    }
    trace.push(traceEntry(rule.id, kind, t.matched, withNotes(`${rule.effect}: ${t.why}`, errors)));
  }
  return { permitted: allowedBy.length > 0 && deniedBy.length === 0, allowedBy, deniedBy };
}
