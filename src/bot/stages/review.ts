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
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { cancellationsFor, tellAlreadyCancelled } from "./alreadyCancelled.js";
import { startConfirm } from "./confirm.js";
import { startHandover } from "./handover.js";
import { startOffer } from "./offer.js";

/** The topic of a disclosure that tells how to confirm: it belongs with the confirmation card. */
export const CONFIRM_STEP = "confirm_step";

export function recordDecision(turn: TurnContext): void {
  const d = turn.decision();
  turn.state.policyRevision = d.policyRevision;
  turn.record("decision", {
    policyRevision: d.policyRevision,
    decidedAt: d.decidedAt,
    totals: d.totals,
    services: d.services.map((s) => ({ serviceId: s.serviceId, endDate: s.endDate, totalDue: s.totalDue })),
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
  });
}

export async function startReview(turn: TurnContext): Promise<void> {
  const { state } = turn;
  state.stage = "review";
  state.expecting = "anything";
  const done = await cancellationsFor(turn);
  if (done.length > 0) {
    turn.apply(tellAlreadyCancelled(turn, done));
    const cancelled = new Set(done.flatMap((c) => c.services.map((s) => s.serviceId)));
    const remaining = (state.facts.serviceIds ?? []).filter((id) => !cancelled.has(id));
    if (remaining.length === 0) {
      state.stage = "closed";
      state.expecting = "anything";
      return;
    }
    state.facts.serviceIds = remaining;
  }
  const decision = turn.decision();
  recordDecision(turn);
  if (decision.escalation.required) {
    await startHandover(turn, decision.escalation.reasons);
    return;
  }
  turn.say(rewordable(turn.words.reviewIntro, { card: reviewCard(decision) }));
  for (const m of waiverMessages(decision)) turn.say(m);
  const due = new Set([...turn.pending("execute"), ...changedSinceSaid(turn)].map((o) => o.id));
  // How to confirm ("press 'Confirm cancellation'") is said with the confirmation card, where that button is.
  for (const o of decision.obligations)
    if (due.has(o.id) && o.topic !== CONFIRM_STEP) turn.say(obligationMessage(o));
  const { buttons } = turn.words;
  turn.say(
    rewordable(turn.words.anyQuestions, {
      suggestions: [buttons.continue, buttons.whatDoIOwe, buttons.talkToPerson],
    }),
  );
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
