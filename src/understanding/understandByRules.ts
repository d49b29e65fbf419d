/**
 * The deterministic understander: what one customer message says, in English, Swedish or
 * German, from lexicons compiled at module load (see `lexicon.ts` for the entry syntax).
 * Pure, synchronous and fast (tens of microseconds a message); it never throws.
 *
 * Confidence (of `intents[0]`, see `CONFIDENCE`): 0.9 and above for explicit phrases and for
 * short answers that fit what the bot asked; 0.6–0.9 for keywords alone; 0.55 for free text
 * tagged `other`; below 0.5 when nothing matched (`["unknown"]`). With an LLM configured the
 * engine asks it when these signals say the rules are unsure: no intent, a confidence below
 * 0.6, or only intents the question asked cannot use ("hello" to "shall I cancel?") and no
 * fact (see `src/bot/llm/rulesUnsure.ts`); the LLM's labels are merged after validation
 * and the rules' facts stand (see `mergeUnderstanding`).
 * The flags (`legalThreat`, `injectionAttempt`, `claim`) are raised whatever the intents.
 * `topics` are what the message mentions, in a question or not ("other" for a question about
 * nothing known). "Everything" ("cancel everything", "alles", "all of it" with a wish to
 * cancel) sets `serviceKinds` to every kind less the ones kept ("everything except the
 * mobile"), or to the list named with it, and adds `cancel`.
 *
 * How the expectation is used:
 * - `account_number`, `postcode`, `new_postcode`: a bare token is taken as the answer
 *   (`identify`, high confidence);
 * - `services`: naming services, or "all"/"both"/"allt"/"alles", is a wish to cancel them;
 * - `confirm`: an explicit "cancel it" also counts as `yes`, "I'll stay" also as `no`;
 * - `offer`: "no"/"not interested"/"just cancel" decline it, "yes"/"sounds good" accept it;
 * - `keep_number`: yes/no set `keepNumber`;
 * - `reason`: free text that names no reason is `other` (confidence 0.55: the LLM may refine);
 * - `survey`: the cause goes to `surveyCause` (not `reason`), `other` when none is named.
 *
 * @example
 * import { understand } from "./understandByRules.js";
 * const u = understand("I'm not moving, it's just too expensive. Can I keep my number?", "anything");
 * // u.intents: ["question", "give_reason"], u.confidence: 0.9, u.reason: "price",
 * // u.topics: ["porting"], u.keepNumber: true, u.language: "en"
 */
import type { LeavingReason } from "../domain/decision.js";
import type { Expectation, Topic, Understand, Understanding } from "../domain/understanding.js";
import { detectClaim } from "./detectClaim.js";
import { detectInjection } from "./detectInjection.js";
import { detectIntents } from "./detectIntents.js";
import { detectKeepNumber } from "./detectKeepNumber.js";
import { detectLanguage } from "./detectLanguage.js";
import { detectLegalThreat } from "./detectLegalThreat.js";
import { detectNewPostcode } from "./detectNewPostcode.js";
import { detectReason, readChangeOfMind } from "./detectReason.js";
import { detectServices } from "./detectServices.js";
import { detectTopics } from "./detectTopics.js";
import { extractIdentity } from "./extractIdentity.js";
import { CONFIDENCE as C, IntentScores } from "./intentScores.js";
import { type Message, prepareMessage } from "./message.js";
import { rememberingShortAnswers } from "./shortAnswers.js";

export { CONFIDENCE } from "./intentScores.js";

/** Reason and survey cause, with the give_reason intent they imply. */
function reasons(
  message: Message,
  expecting: Expectation,
  scores: IntentScores,
  withdrawal: boolean,
): { reason?: LeavingReason; surveyCause?: LeavingReason } {
  let reason = detectReason(message, scores.has("cancel") || withdrawal);
  const change = readChangeOfMind(message, expecting, scores.has("cancel") || withdrawal);
  if (reason === undefined && (withdrawal || change === "reason")) reason = "changed_mind";
  if (change === "stay" && !scores.has("cancel")) {
    scores.add("keep_service", expecting === "confirm" || expecting === "offer" ? C.explicit : C.leading);
  }

  const saidSomethingElse = scores.size > 0;
  if (expecting === "survey") {
    if (reason !== undefined) scores.add("give_reason", C.answer);
    else if (message.words > 0 && !saidSomethingElse) scores.add("give_reason", C.guess);
    else return {};
    return { surveyCause: reason ?? "other" };
  }
  if (reason !== undefined) {
    scores.add("give_reason", expecting === "reason" ? C.answer : C.reason);
    return { reason };
  }
  if (expecting === "reason" && message.words > 0 && !saidSomethingElse) {
    scores.add("give_reason", C.guess);
    return { reason: "other" };
  }
  return {};
}

/** Which answers fit what the bot asked, and what they add. */
function answerExpectation(
  expecting: Expectation,
  scores: IntentScores,
  answer: { yes: boolean; no: boolean },
  named: boolean,
): void {
  if (expecting === "services" && named) scores.add("cancel", C.answer);
  if (expecting === "confirm") {
    if (scores.get("cancel") >= C.explicit && !answer.no && !scores.has("keep_service"))
      scores.add("yes", C.answer);
    if (scores.has("keep_service") && !answer.yes) scores.add("no", C.clear);
  }
}

/** `understand` without the memory of short answers (see `shortAnswers.ts`). */
export const understandAfresh: Understand = (text, expecting) => {
  const message = prepareMessage(typeof text === "string" ? text : "");
  const scores = new IntentScores();

  const { withdrawal, ...answer } = detectIntents(message, expecting, scores);
  const services = detectServices(message, expecting, scores.has("cancel"));
  if (services.everything) scores.add("cancel", services.everythingPhrase ? C.explicit : C.keyword);
  const { reason, surveyCause } = reasons(message, expecting, scores, withdrawal);
  answerExpectation(expecting, scores, answer, services.everything || services.kinds !== undefined);

  const identity = extractIdentity(message, expecting, reason === "moving");
  const moved = detectNewPostcode(message, expecting, reason === "moving");
  if (moved.postcode !== undefined) identity.postcode = moved.postcode;
  if (identity.accountNumber !== undefined || identity.postcode !== undefined) {
    const askedFor =
      (expecting === "account_number" && identity.accountNumber !== undefined) ||
      ((expecting === "postcode" || expecting === "new_postcode") && identity.postcode !== undefined);
    scores.add("identify", askedFor ? C.answer : identity.explicit ? C.explicit : C.leading);
  }

  const keepNumber = detectKeepNumber(message, expecting, answer);
  const topics = detectTopics(message);
  const addTopic = (t: Topic) => {
    if (!topics.includes(t)) topics.push(t);
  };
  if (scores.has("ask_person")) addTopic("person");
  if (keepNumber !== undefined) addTopic("porting");
  if (scores.has("question") && topics.length === 0) topics.push("other");

  const claim = detectClaim(message);
  const { intents, confidence } = scores.result(message.words === 0 ? C.empty : C.unknown);
  const understanding: Understanding = {
    intents,
    confidence,
    language: detectLanguage(message),
    topics,
    legalThreat: detectLegalThreat(message),
    injectionAttempt: detectInjection(message),
    source: "rules",
  };
  if (identity.accountNumber !== undefined) understanding.accountNumber = identity.accountNumber;
  if (identity.postcode !== undefined) understanding.postcode = identity.postcode;
  if (moved.newPostcode !== undefined) understanding.newPostcode = moved.newPostcode;
  if (moved.corrects) understanding.correctsPostcode = true;
  if (reason !== undefined) understanding.reason = reason;
  if (services.kinds !== undefined) understanding.serviceKinds = services.kinds;
  if (keepNumber !== undefined) understanding.keepNumber = keepNumber;
  if (claim !== undefined) understanding.claim = claim;
  if (surveyCause !== undefined) understanding.surveyCause = surveyCause;
  return understanding;
};

/** The understander the bot uses: short answers are worked out once (see `shortAnswers.ts`). */
export const understand: Understand = rememberingShortAnswers(understandAfresh);
