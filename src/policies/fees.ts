/**
 * Fees: what leaving costs per service before waivers (exit fee, notice period, device
 * balances that remain owed, unreturned equipment). Amounts are capped, rounded to cents and
 * never negative; a fee of zero is not listed.
 */

import type { FeeLine } from "../domain/decision.js";
import { roundMoney } from "../domain/money.js";
import type { CFee } from "./compiledPolicy.js";
import { type DecisionState, scopesOf } from "./decisionState.js";
import { evaluateNumber, render, tested } from "./evaluate.js";
import { copyVars } from "./vars.js";

export function decideFees(rules: readonly CFee[], state: DecisionState): void {
  const trace = state.trace;
  for (const rule of rules) {
    for (const scope of scopesOf(state, rule.per)) {
      const s = scope.service!;
      const serviceId = s.service.id;
      const t = tested(trace, rule.id, "fee", rule.when, scope.vars, serviceId);
      if (!t.matched) continue;
      const amount = evaluateNumber(rule.amount, scope.vars);
      if (!amount.ok) {
        t.matched = false;
        t.notes = [amount.error];
        continue;
      }
      const notes: string[] = [];
      let value = amount.value;
      if (rule.cap) {
        const cap = evaluateNumber(rule.cap, scope.vars);
        if (cap.ok && cap.value < value) {
          notes.push(`capped at ${roundMoney(cap.value)}`);
          value = cap.value;
        } else if (!cap.ok) notes.push(`cap ignored: ${cap.error}`);
      }
      const raw = amount.value;
      value = roundMoney(Math.max(0, value));
      if (value === 0) {
        t.notes = [`amount ${roundMoney(raw)}: nothing to pay`];
        continue;
      }
      const vars = copyVars(scope.vars);
      vars.amount = value;
      t.notes = notes;
      const explanation = render(rule.explanation, vars, t, "explanation: ");
      const line: FeeLine = {
        ruleId: rule.id,
        serviceId,
        kind: rule.kind,
        amount: value,
        currency: s.service.currency,
        explanation,
      };
      s.outcome.fees.push(line);
      notes.unshift(`amount ${roundMoney(raw)}`);
    }
  }
}
