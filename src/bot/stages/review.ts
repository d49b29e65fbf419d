/**
 * Review: the decision in plain words. First whether a chosen service is already cancelled (it
 * is never cancelled twice: the customer hears the first reference instead), then the escalation
 * check (a person takes over when the policy says so), then the fees and waivers with their
 * reasons, then every disclosure due before the customer confirms, one topic per message.
 */
import type { Obligation } from "../../domain/decision.js";
import { dischargeOf, hashText, STAGES } from "../../guardrails/index.js";
import { matchedRuleIds } from "../../policies/trace.js";
import { rewordable } from "../botReply.js";
import { obligationMessage, reviewCard, waiverMessages } from "../decisionInWords.js";
import { combine, type StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { cancellationsFor, tellAlreadyCancelled } from "./alreadyCancelled.js";
import { startConfirm } from "./confirm.js";
import { startHandover } from "./handover.js";
import { startOffer } from "./offer.js";

/** The topic of a disclosure that tells how to confirm: it belongs with the confirmation card. */
export const CONFIRM_STEP = "confirm_step";

/** The decision as it stands, for the audit log, and the policy revision it was made under. */
export function recordDecision(turn: TurnContext): StageResult {
  const d = turn.decision();
  return {
    replies: [],
    audit: [
      {
        kind: "decision",
        data: {
          policyRevision: d.policyRevision,
          decidedAt: d.decidedAt,
          totals: d.totals,
          services: d.services.map((s) => ({
            serviceId: s.serviceId,
            endDate: s.endDate,
            totalDue: s.totalDue,
          })),
          waivers: d.waivers.map((w) => ({
            ruleId: w.ruleId,
            serviceId: w.serviceId,
            amount: w.amountWaived,
            evidence: w.evidence,
          })),
          obligations: d.obligations.map((o) => o.id),
          actions: d.actions.map((a) => a.idempotencyKey),
          retention: { allowed: d.retention.allowed, remaining: d.retention.remaining },
          escalation: d.escalation,
          matchedRules: matchedRuleIds(d),
        },
      },
    ],
    state: { policyRevision: d.policyRevision },
  };
}

export async function startReview(turn: TurnContext): Promise<StageResult> {
  const reviewing = { stage: "review", expecting: "anything" } as const;
  const done = await cancellationsFor(turn);
  if (done.length > 0) {
    const cancelled = new Set(done.flatMap((c) => c.services.map((s) => s.serviceId)));
    const remaining = (turn.state.facts.serviceIds ?? []).filter((id) => !cancelled.has(id));
    const told = tellAlreadyCancelled(turn, done, "review");
    if (remaining.length === 0) return { ...told, state: { stage: "closed", expecting: "anything" } };
    // The review is of the services left: decided from them, so applied before deciding.
    turn.apply({ ...told, state: { ...reviewing, facts: { ...turn.state.facts, serviceIds: remaining } } });
  }
  const decision = turn.decision();
  const recorded = recordDecision(turn);
  if (decision.escalation.required)
    return combine(recorded, await startHandover(turn, decision.escalation.reasons));
  const due = new Set([...turn.pending("execute"), ...changedSinceSaid(turn)].map((o) => o.id));
  const { buttons } = turn.words;
  return {
    ...recorded,
    replies: [
      rewordable(turn.words.reviewIntro, { card: reviewCard(decision) }),
      ...waiverMessages(decision),
      // How to confirm ("press 'Confirm cancellation'") is said with the confirmation card, where that button is.
      ...decision.obligations
        .filter((o) => due.has(o.id) && o.topic !== CONFIRM_STEP)
        .map((o) => obligationMessage(o)),
      rewordable(turn.words.anyQuestions, {
        suggestions: [buttons.continue, buttons.whatDoIOwe, buttons.talkToPerson],
      }),
    ],
    state: { ...recorded.state, ...reviewing },
  };
}

/**
 * Disclosures due before execution that were said in other words than the decision's now: the
 * facts changed since (a new postcode, a reason), so the customer hears them again as they are.
 */
function changedSinceSaid(turn: TurnContext): Obligation[] {
  const upTo = STAGES.indexOf("execute");
  return turn
    .decision()
    .obligations.filter((o) => STAGES.indexOf(o.before) <= upTo)
    .filter((o) => {
      const said = dischargeOf(turn.state.ledger, o.id)?.textHash;
      return said !== undefined && said !== hashText(o.message);
    });
}

/** The customer answered the review: continue to an offer (when allowed) or to confirmation. */
export async function continueAfterReview(turn: TurnContext): Promise<StageResult> {
  const d = turn.decision();
  if (
    d.retention.allowed &&
    d.retention.remaining > 0 &&
    d.retention.offers.length > 0 &&
    turn.state.offersDeclined === 0
  )
    return startOffer(turn);
  return startConfirm(turn);
}
