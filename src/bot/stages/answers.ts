/**
 * What each stage does with a customer message once the checks before every stage (see
 * ../middleware.ts) have let it through: the handlers the flow table (../flow.ts) names.
 * Each tries the stage's own answers first, then an aside (a question, a late detail), then
 * says it did not understand and asks its question again.
 */
import { rewordable } from "../botReply.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { cancellationsFor, tellAlreadyCancelled } from "./alreadyCancelled.js";
import { answerQuestion, notUnderstood } from "./asides.js";
import { answerConfirm, startConfirm } from "./confirm.js";
import { answerFarewell } from "./farewell.js";
import { absorbed, startUnderstanding } from "./gatherFacts.js";
import { identify } from "./identify.js";
import { answerOffer } from "./offer.js";
import { continueAfterReview } from "./review.js";

/** Account number, then postcode; facts told on the way are kept. */
export async function atIdentify(turn: TurnContext): Promise<StageResult> {
  // "I want to cancel my TV, we're moving to 962 31" before identifying: kept.
  turn.apply({ replies: [], state: { facts: absorbed(turn) } });
  return identify(turn);
}

/** Whatever is still missing (services, reason, new postcode, the number) is asked, then the review. */
export async function atUnderstand(turn: TurnContext): Promise<StageResult> {
  return startUnderstanding(turn);
}

/** Questions about the decision; "cancel it" goes to the confirmation, "continue" to an offer or it. */
export async function atReview(turn: TurnContext): Promise<StageResult> {
  const { heard } = turn;
  const aside = await answerQuestion(turn);
  if (aside) return aside;
  // "Yes, cancel it", "No, I just want to cancel": the disclosures are made, so the confirmation card.
  if (heard.intents.includes("cancel") && !heard.intents.includes("question")) return startConfirm(turn);
  if (
    heard.intents.some((i) => i === "yes" || i === "no" || i === "thanks") ||
    /\b(continue|go on|next|fortsätt|weiter)\b/i.test(turn.text)
  )
    return continueAfterReview(turn);
  return notUnderstood(turn);
}

/** Declined, accepted, or a bare "yes" that answers nothing. */
export async function atOffer(turn: TurnContext): Promise<StageResult> {
  return (await answerOffer(turn)) ?? (await answerQuestion(turn)) ?? notUnderstood(turn);
}

/** The one explicit yes (or a no); a question is answered first. */
export async function atConfirm(turn: TurnContext): Promise<StageResult> {
  const answer = turn.heard.intents.includes("question") ? undefined : await answerConfirm(turn);
  return answer ?? (await answerQuestion(turn)) ?? notUnderstood(turn);
}

/** The consent question and the survey, after the receipt. */
export async function atFarewell(turn: TurnContext): Promise<StageResult> {
  const { heard, state } = turn;
  // "I want to cancel" after the receipt is a request, not a survey answer: it is done already.
  if (state.executedAt && heard.intents[0] === "cancel" && !heard.reason)
    return tellAlreadyCancelled(turn, await cancellationsFor(turn));
  return (await answerFarewell(turn)) ?? (await answerQuestion(turn)) ?? notUnderstood(turn);
}

/** The conversation ended: questions are still answered, a new request to cancel is served. */
export async function afterwards(turn: TurnContext): Promise<StageResult> {
  const aside = await answerQuestion(turn);
  if (aside) return aside;
  if (turn.heard.intents.includes("cancel")) {
    // Served, not "this conversation is complete": what is cancelled, with the reference.
    if (turn.state.executedAt) return tellAlreadyCancelled(turn, await cancellationsFor(turn));
    return startUnderstanding(turn);
  }
  return { replies: [rewordable(turn.words.closed)] };
}

/** A person takes over: the bot only says that one is coming. */
export async function atHandover(turn: TurnContext): Promise<StageResult> {
  return { replies: [rewordable(turn.words.waitingForPerson)] };
}
