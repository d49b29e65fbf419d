/**
 * Actions: what confirming does (end the service at its date, issue a porting code, request
 * an unlock, send the receipt, schedule reminders …), each with an idempotency key so doing it
 * twice has no second effect. An action whose time has already passed is skipped.
 */
import type { CAction } from "./compiledPolicy.js";
import type { PlannedAction } from "./decision.js";
import { type DecisionState, scopesOf } from "./decisionState.js";
import { evaluate, render, test } from "./evaluate.js";
import { traceEntry, withNotes } from "./trace.js";

/** `YYYY-MM-DDTHH:MM:SSZ`, as the date functions write instants. */
const PLAIN_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/** An instant as `toISOString` writes it, or undefined when `value` is not one. */
function instant(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (PLAIN_INSTANT.test(value)) return `${value.slice(0, 19)}.000Z`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function decideActions(rules: readonly CAction[], state: DecisionState): PlannedAction[] {
  const out: PlannedAction[] = [];
  const nowIso = state.now.toISOString();
  for (const rule of rules) {
    for (const scope of scopesOf(state, rule.per)) {
      const serviceId = scope.service?.service.id;
      const t = test(rule.when, scope.vars);
      if (!t.matched) {
        state.trace.push(traceEntry(rule.id, "action", false, t.why, serviceId));
        continue;
      }
      const notes: string[] = [];
      let at: string | undefined;
      if (rule.at) {
        const r = evaluate(rule.at, scope.vars);
        const when = r.ok ? instant(r.value) : undefined;
        if (when === undefined || when < nowIso) {
          notes.push(
            !r.ok
              ? r.error
              : when === undefined
                ? `time ${String(r.value)} is not a date-time`
                : `skipped: ${String(r.value)} has passed`,
          );
          state.trace.push(traceEntry(rule.id, "action", false, withNotes(t.why, notes), serviceId));
          continue;
        }
        at = when;
        notes.push(`at ${at}`);
      }
      const params: Record<string, unknown> = {};
      for (const [key, template] of rule.params)
        params[key] = render(template, scope.vars, (e) => notes.push(e));
      out.push({
        id: `${rule.id}${scope.key}`,
        ruleId: rule.id,
        kind: rule.kind,
        ...(serviceId ? { serviceId } : {}),
        ...(at ? { at } : {}),
        idempotencyKey: render(rule.idempotencyKey, scope.vars, (e) => notes.push(e)),
        params,
      });
      state.trace.push(traceEntry(rule.id, "action", true, withNotes(t.why, notes), serviceId));
    }
  }
  return out;
}
