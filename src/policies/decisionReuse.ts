/**
 * A decision made again only when something it depends on changed. A conversation asks for
 * the decision on most of its turns; between two turns the customer, the policy and what the
 * customer said often stay the same, and so does the decision until time moves past its
 * lifetime (decisionLifetime.ts). Reusing it is exact: `decide` would return the same
 * decision, except that `decidedAt` stays the time it was made.
 */
import { isDeepStrictEqual } from "node:util";
import type { CompiledPolicy } from "./compiledPolicy.js";
import { decide } from "./decide.js";
import type { Decision, DecisionContext } from "./decision.js";
import { lifetimeOf } from "./decisionLifetime.js";

/** A decision with what it was made from. */
export interface MadeDecision {
  readonly decision: Decision;
  readonly policy: CompiledPolicy;
  readonly context: DecisionContext;
}

/**
 * True when `made` is the decision `decide(policy, context, now)` would make: the same policy,
 * customer and coverage (the stores hand out one frozen object per version, so identity is
 * enough), equal conversation facts, and `now` within its lifetime.
 */
export function stillHolds(
  made: MadeDecision,
  policy: CompiledPolicy,
  context: DecisionContext,
  now: Date,
): boolean {
  const lifetime = lifetimeOf(made.decision);
  if (!lifetime) return false;
  const t = now.getTime();
  return (
    made.policy === policy &&
    made.context.customer === context.customer &&
    made.context.coverage === context.coverage &&
    t >= lifetime.from &&
    t < lifetime.until &&
    isDeepStrictEqual(made.context.conversation, context.conversation)
  );
}

/** `previous` when it still holds, otherwise a new decision. */
export function decideOrReuse(
  previous: MadeDecision | undefined,
  policy: CompiledPolicy,
  context: DecisionContext,
  now: Date,
): MadeDecision {
  if (previous && stillHolds(previous, policy, context, now)) return previous;
  return { decision: decide(policy, context, now), policy, context };
}
