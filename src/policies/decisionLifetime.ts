/**
 * How long a decision holds. `decide` is pure, so the same policy, customer, coverage and
 * conversation facts give the same decision, and time is the only input that moves on its own.
 * It reaches a decision in three ways only:
 * - `today`: the decision holds until the next midnight UTC;
 * - `now`, when an expression of the customer's rule set reads it: the decision holds for
 *   that instant only (it is written to the second, but a reused decision would save nothing
 *   a customer notices and would date a receipt a turn too early);
 * - an action planned for a time still to come (`at`): once that time passes the action is
 *   skipped, so the decision holds until then.
 * `decide` records the span; `decideOrReuse` (decisionReuse.ts) reuses a decision within it.
 */
import type { CompiledExpr } from "./cel/expression.js";
import type { CompiledPolicy, RuleSet } from "./compiledPolicy.js";
import type { Decision } from "./decision.js";

const DAY_MS = 86_400_000;

/** From when (the `now` it was made for) until before when a decision holds, in epoch milliseconds. */
export interface Lifetime {
  from: number;
  until: number;
}

const lifetimes = new WeakMap<Decision, Lifetime>();

/** Records a decision's lifetime (called by `decide`; a failed decision gets none). */
export function recordLifetime(decision: Decision, lifetime: Lifetime): void {
  lifetimes.set(decision, lifetime);
}

/** The span a decision holds for; undefined when it must not be reused (it failed, or is a copy). */
export function lifetimeOf(decision: Decision): Lifetime | undefined {
  return lifetimes.get(decision);
}

/** The first instant of the next UTC day. */
export function nextMidnight(ms: number): number {
  return (Math.floor(ms / DAY_MS) + 1) * DAY_MS;
}

function isExpr(x: object): x is CompiledExpr {
  return "reads" in x && typeof (x as CompiledExpr).evaluate === "function";
}

/** True when any expression in `value` (a rule, a list of rules, a template …) reads `now`. */
function readsNowIn(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== "object" || depth > 8) return false;
  if (isExpr(value)) return value.reads.some((path) => path[0] === "now");
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => readsNowIn(child, depth + 1));
}

const rulesReadingNow = new WeakMap<RuleSet, boolean>();
const packsReadingNow = new WeakMap<CompiledPolicy, boolean>();

/** True when deciding with `rules` reads `now`: a pack's `appliesTo` or any expression of the rule set. */
export function readsNow(policy: CompiledPolicy, rules: RuleSet): boolean {
  let packs = packsReadingNow.get(policy);
  if (packs === undefined) {
    packs = policy.packs.some((pack) => readsNowIn(pack.appliesTo, 0));
    packsReadingNow.set(policy, packs);
  }
  if (packs) return true;
  let reads = rulesReadingNow.get(rules);
  if (reads === undefined) {
    const {
      facts,
      serviceEnd,
      fees,
      waivers,
      obligations,
      actions,
      retentionRules,
      offers,
      escalation,
      alumniRules,
    } = rules;
    reads = readsNowIn(
      [
        facts,
        serviceEnd,
        fees,
        waivers,
        obligations,
        actions,
        retentionRules,
        offers,
        escalation,
        alumniRules,
      ],
      0,
    );
    rulesReadingNow.set(rules, reads);
  }
  return reads;
}
