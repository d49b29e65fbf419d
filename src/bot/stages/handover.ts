/**
 * A person takes over: the customer asked, or an escalation rule says so. The record carries the
 * conversation, the decision and the ledger, so the agent does not ask again. The bot says what
 * happens next and never pretends to be a person.
 */
import { createHash } from "node:crypto";
import type { Decision } from "../../domain/decision.js";
import { handoverRootCause } from "../../domain/handover.js";
import { rewordable } from "../botReply.js";
import type { ConversationState } from "../conversationState.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";

export async function startHandover(
  turn: TurnContext,
  reasons: { ruleId: string; reason: string }[],
): Promise<StageResult> {
  if (turn.state.stage === "handover") return { replies: [rewordable(turn.words.waitingForPerson)] };
  const { id, decision, state } = await recordHandover(turn, reasons);
  const customerFacing = reasons
    .filter((r) => !r.ruleId.startsWith("bot.") || r.reason.endsWith("."))
    .map((r) => r.reason);
  return {
    replies: [
      rewordable(turn.words.handover(customerFacing), {
        card: { kind: "handover", data: { handoverId: id } },
      }),
    ],
    audit: [
      { kind: "handover", data: { handoverId: id, reasons, policyRevision: decision?.policyRevision } },
    ],
    state,
  };
}

/**
 * Records the hand-over (conversation, transcript with this turn's message, decision, root
 * cause, ledger) for the person who takes over; returns it with the state the conversation
 * moves to (the hand-over stage), for the caller to apply. `salt` tells apart two hand-overs
 * recorded in the same instant.
 */
export async function recordHandover(
  turn: TurnContext,
  reasons: { ruleId: string; reason: string }[],
  salt = "",
): Promise<{ id: string; decision: Decision | undefined; state: Partial<ConversationState> }> {
  const { state } = turn;
  const at = turn.now.toISOString();
  const id = `ho-${createHash("sha256").update(`${turn.conversationId}:${at}${salt}`).digest("hex").slice(0, 12)}`;
  const decision = turn.customer ? turn.decision() : undefined;
  const conversation = await turn.deps.store.conversations.get(turn.conversationId);
  const transcript = (conversation?.turns ?? []).map((t) => ({ speaker: t.speaker, text: t.text, at: t.at }));
  if (turn.text) transcript.push({ speaker: "customer", text: turn.text, at });
  await turn.deps.handover.announce({
    id,
    conversationId: turn.conversationId,
    customerId: state.customerId,
    at,
    reasons,
    stage: "handover",
    decision,
    rootCause: handoverRootCause(decision),
    ledger: state.ledger,
    transcript,
  });
  return { id, decision, state: { stage: "handover", expecting: "anything", handoverId: id } };
}
