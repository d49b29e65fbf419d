/**
 * A person takes over: the customer asked, or an escalation rule says so. The record carries the
 * conversation, the decision and the ledger, so the agent does not ask again. The bot says what
 * happens next and never pretends to be a person.
 */
import { createHash } from "node:crypto";
import type { Decision } from "../../domain/decision.js";
import { handoverRootCause } from "../../domain/handover.js";
import { rewordable } from "../botReply.js";
import type { TurnContext } from "../turnContext.js";

export async function startHandover(
  turn: TurnContext,
  reasons: { ruleId: string; reason: string }[],
): Promise<void> {
  const { state } = turn;
  if (state.stage === "handover") {
    turn.say(rewordable(turn.words.waitingForPerson));
    return;
  }
  const { id, decision } = await recordHandover(turn, reasons);
  turn.record("handover", { handoverId: id, reasons, policyRevision: decision?.policyRevision });
  const customerFacing = reasons
    .filter((r) => !r.ruleId.startsWith("bot.") || r.reason.endsWith("."))
    .map((r) => r.reason);
  turn.say(
    rewordable(turn.words.handover(customerFacing), { card: { kind: "handover", data: { handoverId: id } } }),
  );
}

/**
 * Records the hand-over (conversation, transcript with this turn's message, decision, root
 * cause, ledger) for the person who takes over, and moves the conversation to the hand-over
 * stage. `salt` tells apart two hand-overs recorded in the same instant.
 */
export async function recordHandover(
  turn: TurnContext,
  reasons: { ruleId: string; reason: string }[],
  salt = "",
): Promise<{ id: string; decision: Decision | undefined }> {
  const { state } = turn;
  const at = turn.now.toISOString();
  const id = `ho-${createHash("sha256").update(`${turn.conversationId}:${at}${salt}`).digest("hex").slice(0, 12)}`;
  const decision = turn.customer ? turn.decision() : undefined;
  const conversation = await turn.deps.store.conversations.get(turn.conversationId);
  state.stage = "handover";
  state.expecting = "anything";
  state.handoverId = id;
  const transcript = (conversation?.turns ?? []).map((t) => ({ speaker: t.speaker, text: t.text, at: t.at }));
  if (turn.text) transcript.push({ speaker: "customer", text: turn.text, at });
  await turn.deps.handover.announce({
    id,
    conversationId: turn.conversationId,
    customerId: state.customerId,
    at,
    reasons,
    stage: state.stage,
    decision,
    rootCause: handoverRootCause(decision),
    ledger: state.ledger,
    transcript,
  });
  return { id, decision };
}
