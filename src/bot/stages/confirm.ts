/**
 * Confirm: an explicit yes to a summary of what will happen. Impossible while the ledger shows
 * an obligation due before execution that was not disclosed: the bot discloses it first.
 */
import { readyToExecute } from "../../guardrails/index.js";
import { rewordable, verbatim } from "../botReply.js";
import { confirmationSummary, obligationMessage } from "../decisionInWords.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { executeCancellation } from "./execute.js";

/** Anything still to disclose before execution, then the summary and the one explicit question. */
export async function startConfirm(turn: TurnContext): Promise<StageResult> {
  const decision = turn.decision();
  return {
    replies: [
      ...turn.pending("execute").map(obligationMessage),
      verbatim(`${confirmationSummary(decision, turn.words)}\n${turn.words.confirmQuestion}`, {
        card: { kind: "confirm", data: { totals: decision.totals, policyRevision: decision.policyRevision } },
        suggestions: [turn.words.buttons.confirmCancel, turn.words.buttons.keepService],
      }),
    ],
    state: { stage: "confirm", expecting: "confirm" },
  };
}

/** The answer to the confirmation; undefined when the message is neither a yes nor a no. */
export async function answerConfirm(turn: TurnContext): Promise<StageResult | undefined> {
  const { heard, state } = turn;
  // "Yes", "yes, cancel it", "go ahead and cancel", even "no, I just want to cancel": the yes.
  const yes =
    !heard.intents.includes("keep_service") &&
    (heard.intents[0] === "yes" || heard.intents.includes("cancel"));
  if (
    heard.intents.includes("keep_service") ||
    (heard.intents[0] === "no" && !heard.intents.includes("cancel"))
  )
    return {
      replies: [rewordable(turn.words.notConfirmed)],
      audit: [{ kind: "confirmation", data: { answer: "no" } }],
      state: { stage: "review", expecting: "anything" },
    };
  if (!yes) return undefined;
  const decision = turn.decision();
  // The gate: anything not yet disclosed is disclosed now, then the customer confirms again.
  if (!readyToExecute(state.ledger, decision)) return startConfirm(turn);
  return executeCancellation(turn, {
    kind: "confirmation",
    data: { answer: "yes", policyRevision: decision.policyRevision, totals: decision.totals },
  });
}
