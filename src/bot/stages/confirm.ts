/**
 * Confirm: an explicit yes to a summary of what will happen. Impossible while the ledger shows
 * an obligation due before execution that was not disclosed: the bot discloses it first.
 */
import { readyToExecute } from "../../guardrails/index.js";
import { phrase, say } from "../botReply.js";
import { phrases } from "../phrases.js";
import type { Turn } from "../turn.js";
import { executeCancellation } from "./execute.js";
import { confirmationSummary, obligationMessage } from "./render.js";

export async function startConfirm(turn: Turn): Promise<void> {
  const { state } = turn;
  const decision = turn.decision();
  for (const o of turn.pending("execute")) turn.say(obligationMessage(o));
  state.stage = "confirm";
  state.expecting = "confirm";
  turn.say(
    say(`${confirmationSummary(decision)}\n${phrases.confirmQuestion}`, {
      card: { kind: "confirm", data: { totals: decision.totals, policyRevision: decision.policyRevision } },
      suggestions: ["Confirm cancellation", "Keep my service"],
    }),
  );
}

export async function answerConfirm(turn: Turn): Promise<boolean> {
  const { heard, state } = turn;
  // "Yes", "yes, cancel it", "go ahead and cancel", even "no, I just want to cancel": the yes.
  const yes =
    !heard.intents.includes("keep_service") &&
    (heard.intents[0] === "yes" || heard.intents.includes("cancel"));
  if (
    heard.intents.includes("keep_service") ||
    (heard.intents[0] === "no" && !heard.intents.includes("cancel"))
  ) {
    state.stage = "review";
    state.expecting = "anything";
    turn.record("confirmation", { answer: "no" });
    turn.say(phrase(phrases.notConfirmed));
    return true;
  }
  if (!yes) return false;
  const decision = turn.decision();
  if (!readyToExecute(state.ledger, decision)) {
    // The gate: anything not yet disclosed is disclosed now, then the customer confirms again.
    await startConfirm(turn);
    return true;
  }
  turn.record("confirmation", {
    answer: "yes",
    policyRevision: decision.policyRevision,
    totals: decision.totals,
  });
  await executeCancellation(turn);
  return true;
}
