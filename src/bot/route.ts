/**
 * Where a customer message goes, given the stage the conversation is in. A request for a
 * person wins everywhere; a fact told at any point (before identification, at the review, at
 * the confirmation) is kept and, once the decision was shown, the review is shown again with
 * it; questions are answered from the decision wherever they come; the rest is the stage's own
 * business. An explicit instruction to cancel at the review goes straight to the confirmation
 * card (the one explicit confirmation stays), and a new request to cancel after the
 * conversation ended is served.
 */
import { phrase, say } from "./botReply.js";
import { phrases } from "./phrases.js";
import { cancellationsFor, showReceipts, tellAlreadyCancelled } from "./stages/alreadyCancelled.js";
import { answerConfirm, startConfirm } from "./stages/confirm.js";
import { answerFarewell } from "./stages/farewell.js";
import { startHandover } from "./stages/handover.js";
import { identify } from "./stages/identify.js";
import { answerOffer, startOffer } from "./stages/offer.js";
import { answerTopics } from "./stages/render.js";
import { continueAfterReview } from "./stages/review.js";
import { absorb, changesFacts, startUnderstanding } from "./stages/understand.js";
import type { Turn } from "./turn.js";

const REPROMPT: Partial<Record<string, string>> = {
  review: phrases.anyQuestions,
  confirm: phrases.confirmQuestion,
};

/** Intents that answer the stage's question (so a message with one of them goes on to the stage). */
const ANSWERS = new Set<string>([
  "cancel",
  "yes",
  "no",
  "question",
  "accept_offer",
  "decline_offer",
  "keep_service",
]);

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
    const reasons = turn.customer ? turn.decision().escalation.reasons : [];
    await startHandover(
      turn,
      reasons.length > 0 ? reasons : [{ ruleId: "customer-asks", reason: "You asked to talk to a person." }],
    );
    return;
  }
  if (state.stage === "identify" || !turn.customer) {
    absorb(turn); // "I want to cancel my TV, we're moving to 962 31" before identifying: kept
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
  if (
    (state.stage === "review" || state.stage === "offer" || state.stage === "confirm") &&
    changesFacts(turn)
  ) {
    // "Vi flyttar till 903 25, inte 411 01" at the review: the facts change, and when what the
    // customer was told changes with them, the review is shown again before anything else.
    const told = whatTheCustomerWasTold(turn);
    absorb(turn);
    const f = state.facts;
    if (whatTheCustomerWasTold(turn) !== told || (f.reason === "moving" && !f.newPostcode)) {
      turn.record("customer_signal", { signal: "facts_changed", stage: state.stage });
      await startUnderstanding(turn);
      return;
    }
    if (!heard.intents.some((i) => ANSWERS.has(i))) {
      // Understood and kept, and nothing of what was said changes with it.
      turn.say(phrase(phrases.notedNoChange));
      const again = REPROMPT[state.stage];
      if (again) turn.say(say(again));
      return;
    }
  }
  if (state.stage === "offer" && (await answerOffer(turn))) return;
  if (state.stage === "confirm" && !heard.intents.includes("question") && (await answerConfirm(turn))) return;
  if (
    (state.stage === "farewell" || state.stage === "survey") &&
    state.executedAt &&
    heard.intents[0] === "cancel" &&
    !heard.reason
  ) {
    // "I want to cancel" after the receipt is a request, not a survey answer: it is done already.
    await tellAlreadyCancelled(turn, await cancellationsFor(turn));
    return;
  }
  if ((state.stage === "farewell" || state.stage === "survey") && (await answerFarewell(turn))) return;

  absorb(turn); // a late detail ("actually we're moving to …") changes the facts, and so the decision
  if (heard.intents.includes("question") && heard.topics.length > 0) {
    const answers = answerTopics(turn.decision(), heard.topics);
    if (heard.topics.includes("offer") && state.stage === "review" && state.offersMade.length === 0) {
      await startOffer(turn);
      return;
    }
    for (const m of answers) turn.say(m);
    if (answers.length === 0 && !heard.topics.includes("other")) turn.say(phrase(phrases.noAnswerOnRecord));
    if (turn.out.length > 0) {
      const again = REPROMPT[state.stage];
      if (again) turn.say(say(again));
      return;
    }
  }
  if (state.stage === "review") {
    if (heard.intents.includes("cancel") && !heard.intents.includes("question")) {
      // "Yes, cancel it", "No, I just want to cancel": the disclosures are made, so the confirmation card.
      await startConfirm(turn);
      return;
    }
    if (
      heard.intents.some((i) => i === "yes" || i === "no" || i === "thanks") ||
      /\b(continue|go on|next|fortsätt|weiter)\b/i.test(turn.text)
    ) {
      await continueAfterReview(turn);
      return;
    }
  }
  if ((state.stage === "closed" || state.stage === "receipt") && heard.intents.includes("cancel")) {
    if (state.executedAt) {
      // Served, not "this conversation is complete": what is cancelled, with the reference.
      await tellAlreadyCancelled(turn, await cancellationsFor(turn));
      return;
    }
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

/** What the review told the customer, in short: amounts, end dates, waivers, disclosures, a hand-over. */
function whatTheCustomerWasTold(turn: Turn): string {
  const d = turn.decision();
  return JSON.stringify([
    d.totals,
    d.services.map((s) => [s.serviceId, s.endDate, s.totalDue]),
    d.waivers.map((w) => [w.ruleId, w.serviceId, w.amountWaived]),
    d.obligations
      .filter((o) => o.before !== "receipt" && o.before !== "farewell")
      .map((o) => [o.id, o.message]),
    d.escalation.required,
  ]);
}
