/**
 * What any stage does with a message that is not an answer to its question: a question is
 * answered from the decision (then the stage asks its question again), anything else gets
 * "sorry, I didn't get that" and the question again.
 */
import { rewordable } from "../botReply.js";
import { answerTopics } from "../decisionInWords.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { absorbed } from "./gatherFacts.js";
import { startOffer } from "./offer.js";

/** What the stage asks again after an aside, in the conversation's language. */
export function reprompt(turn: TurnContext): StageResult {
  const stage = turn.state.stage;
  const again =
    stage === "review"
      ? turn.words.anyQuestions
      : stage === "confirm"
        ? turn.words.confirmQuestion
        : undefined;
  return { replies: again ? [rewordable(again)] : [] };
}

/**
 * A late detail is absorbed ("actually we're moving to …" changes the facts, and so the
 * decision); a question is answered from the decision as it stands, then the stage's question
 * is asked again. Undefined when the message asked nothing the bot answers.
 */
export async function answerQuestion(turn: TurnContext): Promise<StageResult | undefined> {
  const { heard, state } = turn;
  turn.apply({ replies: [], state: { facts: absorbed(turn) } });
  if (!heard.intents.includes("question") || heard.topics.length === 0) return undefined;
  const answers = answerTopics(turn.decision(), heard.topics, turn.words);
  if (heard.topics.includes("offer") && state.stage === "review" && state.offersMade.length === 0)
    return startOffer(turn);
  const replies = [...answers];
  if (answers.length === 0 && !heard.topics.includes("other"))
    replies.push(rewordable(turn.words.noAnswerOnRecord));
  // Something said already this turn (an instruction attempt noted) counts as an answer too.
  if (replies.length === 0 && turn.out.length === 0) return undefined;
  return { replies: [...replies, ...reprompt(turn).replies] };
}

/** Nothing the stage can use: said so, and its question again. */
export function notUnderstood(turn: TurnContext): StageResult {
  return { replies: [rewordable(turn.words.didNotUnderstand), ...reprompt(turn).replies] };
}
