/**
 * Where a customer message goes, given the stage the conversation is in. A request for a
 * person wins everywhere; questions are answered from the decision wherever they come; the rest
 * is the stage's own business.
 */
import { phrase, say } from "./botReply.js";
import { phrases } from "./phrases.js";
import { cancellationsFor, showReceipts, tellAlreadyCancelled } from "./stages/alreadyCancelled.js";
import { answerConfirm } from "./stages/confirm.js";
import { answerFarewell } from "./stages/farewell.js";
import { startHandover } from "./stages/handover.js";
import { identify } from "./stages/identify.js";
import { answerOffer, startOffer } from "./stages/offer.js";
import { answerTopics } from "./stages/render.js";
import { continueAfterReview } from "./stages/review.js";
import { absorb, startUnderstanding } from "./stages/understand.js";
import type { Turn } from "./turn.js";

const REPROMPT: Partial<Record<string, string>> = {
  review: phrases.anyQuestions,
  confirm: phrases.confirmQuestion,
};

export async function route(turn: Turn): Promise<void> {
  const { heard, state } = turn;
  if (heard.injectionAttempt) {
    turn.record("customer_signal", { signal: "instruction_attempt", stage: state.stage });
    turn.say(phrase(phrases.injectionNoted));
  }
  if (state.stage === "handover") {
    turn.say(phrase(phrases.waitingForPerson));
    return;
  }
  if (heard.intents.includes("ask_person")) {
    state.facts.requestedPerson = true;
    turn.invalidate();
    const reasons = turn.customer ? turn.decision().escalation.reasons : [];
    await startHandover(
      turn,
      reasons.length > 0 ? reasons : [{ ruleId: "customer-asks", reason: "You asked to talk to a person." }],
    );
    return;
  }
  if (state.stage === "identify" || !turn.customer) {
    if (state.expecting !== "postcode") absorb(turn); // "I want to cancel my TV, we're moving" before identifying
    await identify(turn);
    return;
  }
  if (heard.intents.includes("keep_service")) {
    // The truth, from the outbox's record: a confirmed cancellation is never "nothing has changed".
    const done = await cancellationsFor(turn);
    if (done.length > 0 || state.executedAt) {
      await tellAlreadyCancelled(turn, done);
      if (!state.executedAt) {
        state.stage = "closed";
        state.expecting = "anything";
      }
      return;
    }
    state.stage = "closed";
    state.expecting = "anything";
    turn.record("confirmation", { answer: "keep_service" });
    turn.say(phrase(phrases.notCancelledKeep));
    return;
  }
  if (
    (state.stage === "closed" || state.stage === "receipt") &&
    /\b(receipt|kvitto|quittung|beleg)\b/i.test(turn.text)
  ) {
    if (await showReceipts(turn, await cancellationsFor(turn))) return;
  }
  if (state.stage === "understand") {
    await startUnderstanding(turn);
    return;
  }
  if (state.stage === "offer" && (await answerOffer(turn))) return;
  if (state.stage === "confirm" && !heard.intents.includes("question") && (await answerConfirm(turn))) return;
  if ((state.stage === "farewell" || state.stage === "survey") && (await answerFarewell(turn))) return;

  absorb(turn); // a late detail ("actually we're moving to …") changes the facts, and so the decision
  if (heard.intents.includes("question") && heard.topics.length > 0) {
    const answers = answerTopics(turn.decision(), heard.topics);
    if (heard.topics.includes("offer") && state.stage === "review" && state.offersMade.length === 0) {
      await startOffer(turn);
      return;
    }
    for (const m of answers) turn.say(m);
    if (answers.length > 0) {
      const again = REPROMPT[state.stage];
      if (again) turn.say(say(again));
      return;
    }
  }
  if (state.stage === "review") {
    if (
      heard.intents.some((i) => i === "yes" || i === "cancel" || i === "thanks") ||
      /\b(continue|go on|next|fortsätt|weiter)\b/i.test(turn.text)
    ) {
      await continueAfterReview(turn);
      return;
    }
  }
  if (state.stage === "closed" && heard.intents.includes("cancel") && !state.executedAt) {
    await startUnderstanding(turn);
    return;
  }
  if (state.stage === "closed" || state.stage === "receipt") {
    turn.say(phrase(phrases.closed));
    return;
  }
  turn.say(phrase(phrases.didNotUnderstand));
  const again = REPROMPT[state.stage];
  if (again) turn.say(say(again));
}
