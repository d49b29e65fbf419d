/**
 * Actions: what confirming does (end the service at its date, issue a porting code, request
 * an unlock, send the receipt, schedule reminders …), each with an idempotency key so doing it
 * twice has no second effect. An action whose time has already passed is skipped.
 */

import type { PlannedAction } from "../domain/decision.js";
import type { CAction } from "./compiledPolicy.js";
import { type DecisionState, scopesOf } from "./decisionState.js";
import { evaluate, render, tested } from "./evaluate.js";

/** The shape of `YYYY-MM-DDTHH:MM:SSZ`, as the date functions write instants (`d`: a digit). */
const PLAIN_INSTANT = "dddd-dd-ddTdd:dd:ddZ";

/** `/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(s)`, without a regular expression. */
function isPlainInstant(s: string): boolean {
  if (s.length !== PLAIN_INSTANT.length) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const want = PLAIN_INSTANT.charCodeAt(i);
    if (want === 100 /* d */ ? c < 48 || c > 57 : c !== want) return false;
  }
  return true;
}

/** An instant as `toISOString` writes it, or undefined when `value` is not one. */
function instant(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  if (isPlainInstant(value)) return `${value.slice(0, 19)}.000Z`;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The action, its fields in the order JSON shows them; absent ones left out. */
function plannedAction(
  id: string,
  rule: CAction,
  serviceId: string | undefined,
  at: string | undefined,
  idempotencyKey: string,
  params: Record<string, unknown>,
): PlannedAction {
  const { id: ruleId, kind } = rule;
  if (serviceId)
    return at
      ? { id, ruleId, kind, serviceId, at, idempotencyKey, params }
      : { id, ruleId, kind, serviceId, idempotencyKey, params };
  return at ? { id, ruleId, kind, at, idempotencyKey, params } : { id, ruleId, kind, idempotencyKey, params };
}

export function decideActions(rules: readonly CAction[], state: DecisionState): PlannedAction[] {
  const out: PlannedAction[] = [];
  const nowIso = state.nowIso;
  for (const rule of rules) {
    for (const scope of scopesOf(state, rule.per)) {
      const serviceId = scope.service?.service.id;
      const t = tested(state.trace, rule.id, "action", rule.when, scope.vars, serviceId);
      if (!t.matched) continue;
      const notes: string[] = [];
      t.notes = notes;
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
          t.matched = false;
          continue;
        }
        at = when;
        notes.push(`at ${at}`);
      }
      const params: Record<string, unknown> = {};
      for (const [key, template] of rule.params) params[key] = render(template, scope.vars, t);
      const id = `${rule.id}${scope.key}`;
      const idempotencyKey = render(rule.idempotencyKey, scope.vars, t);
      out.push(plannedAction(id, rule, serviceId, at, idempotencyKey, params));
    }
  }
  return out;
}
