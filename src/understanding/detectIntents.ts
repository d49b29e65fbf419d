/**
 * The conversational intents of a message: a person, cancel, stay, yes/no, the offer, a
 * question, greeting, thanks. What the bot asked (`expecting`) decides what a short answer
 * means: "no" to an offer declines it, "yes" to "shall I cancel?" is a high-confidence yes.
 * Identity and reasons are added by `understand`.
 */

import type { Expectation } from "../domain/understanding.js";
import { lexicon } from "./compiledLexicon.js";
import { CONFIDENCE as C, type IntentScores } from "./intentScores.js";
import type { Hit } from "./lexiconPatterns.js";
import { atClauseStart, type Message } from "./message.js";
import { isNegated, modalBefore } from "./negation.js";

/** What the caller needs besides the scores. */
export interface IntentFacts {
  yes: boolean;
  no: boolean;
  /** A cancellation in the cooling-off period ("ångerrätt", "widerrufen"). */
  withdrawal: boolean;
}

const ANSWERS: ReadonlySet<Expectation> = new Set(["confirm", "consent", "offer", "keep_number"]);

function askPerson(m: Message, scores: IntentScores): void {
  const text = m.text;
  const asked = lexicon.askPerson.find(m, (h) => !isNegated(text, h, { window: 4 }));
  if (asked || lexicon.askPersonWhole.test(m)) scores.add("ask_person", C.person);
}

/**
 * `m`'s text with the negations about a price before `hit` blanked out: in "no charge to
 * cancel", "keine Gebühr zum Kündigen", "ingen avgift att säga upp" the "no" is the fee's.
 */
function withoutCostNegation(m: Message, hit: Hit): string {
  let text = m.text;
  for (const c of lexicon.costNegation.all(m)) {
    if (c.end > hit.start) break;
    text =
      text.slice(0, c.start + 1) + text.slice(c.start + 1, c.end).replace(/[^ |]/g, "_") + text.slice(c.end);
  }
  return text;
}

/**
 * Cancel, or stay: "I don't want to cancel" stays; "I can't cancel online" still cancels, and
 * so does "there was no charge to cancel" (the negation is the fee's).
 */
function cancelOrStay(m: Message, scores: IntentScores): { withdrawal: boolean } {
  const text = m.text;
  const cancelNegation = { window: 3, ignoreModal: true };
  let negated = false;
  const accept = (h: Hit): boolean => {
    if (!isNegated(text, h, cancelNegation)) return true;
    if (!isNegated(withoutCostNegation(m, h), h, cancelNegation)) return true;
    negated = true;
    return false;
  };
  const withdrawal = lexicon.withdrawal.find(m, (h) => !isNegated(text, h, { window: 3 })) !== undefined;
  if (lexicon.cancel.find(m, accept) || withdrawal || lexicon.cancelWhole.test(m)) {
    scores.add("cancel", C.explicit);
  } else if (lexicon.cancelKeyword.find(m, accept)) {
    scores.add("cancel", C.keyword);
  }

  const staying = (h: Hit): boolean => !isNegated(text, h, { window: 2 }) && !modalBefore(text, h);
  if (lexicon.keepService.find(m, staying)) {
    scores.add("keep_service", C.explicit);
    if (scores.get("cancel") < C.explicit) scores.remove("cancel");
  } else if (negated && !scores.has("cancel") && !m.questionMark) {
    scores.add("keep_service", C.keyword);
  }
  return { withdrawal };
}

function yesOrNo(m: Message, expecting: Expectation, scores: IntentScores): { yes: boolean; no: boolean } {
  const text = m.text;
  const answerAsked = ANSWERS.has(expecting);
  const level = (whole: boolean, leading: boolean, anywhere: boolean): number => {
    if (whole) return answerAsked ? C.answer : C.clear;
    if (leading) return answerAsked ? C.answer : C.leading;
    return anywhere ? C.clear : 0;
  };
  const yesLead = lexicon.yes.find(m, (h) => atClauseStart(text, h.start));
  const noLead = lexicon.no.find(m, (h) => atClauseStart(text, h.start));
  const yes = level(
    lexicon.yesWhole.test(m),
    yesLead !== undefined,
    lexicon.yesAnywhere.find(m, (h) => !isNegated(text, h, { window: 2 })) !== undefined,
  );
  const no = level(lexicon.noWhole.test(m), noLead !== undefined, lexicon.noAnywhere.test(m));
  if (yes > 0 && no > 0) {
    const yesFirst = (yesLead?.start ?? 0) <= (noLead?.start ?? 0);
    scores.add(yesFirst ? "yes" : "no", C.conflict);
    return { yes: yesFirst, no: !yesFirst };
  }
  if (yes > 0) scores.add("yes", yes);
  if (no > 0) scores.add("no", no);
  return { yes: yes > 0, no: no > 0 };
}

function offer(
  m: Message,
  expecting: Expectation,
  answer: { yes: boolean; no: boolean },
  scores: IntentScores,
): void {
  const text = m.text;
  const declined = lexicon.declineOffer.test(m);
  const asked = lexicon.acceptOffer.find(m, (h) => !isNegated(text, h, { window: 3 })) !== undefined;
  if (expecting === "offer") {
    if (declined || answer.no || lexicon.declineOfferWhenOffered.test(m) || scores.has("cancel")) {
      scores.add("decline_offer", C.answer);
    } else if (asked || answer.yes || lexicon.acceptOfferWhenOffered.test(m)) {
      scores.add("accept_offer", C.answer);
    }
    return;
  }
  if (declined) scores.add("decline_offer", C.explicit);
  else if (asked) scores.add("accept_offer", C.explicit);
}

function question(m: Message, scores: IntentScores): void {
  const text = m.text;
  if (m.questionMark) scores.add("question", C.clear);
  else if (
    lexicon.questionStart.find(m, (h) => atClauseStart(text, h.start)) ||
    lexicon.questionPhrase.test(m)
  ) {
    scores.add("question", C.keyword);
  }
}

function courtesy(m: Message, scores: IntentScores): void {
  const text = m.text;
  if (lexicon.greetingWhole.test(m)) scores.add("greeting", C.answer);
  else if (lexicon.greeting.find(m, (h) => atClauseStart(text, h.start))) scores.add("greeting", C.aside);
  if (lexicon.thanksWhole.test(m)) scores.add("thanks", C.answer);
  else if (lexicon.thanks.test(m)) scores.add("thanks", C.aside);
}

export function detectIntents(m: Message, expecting: Expectation, scores: IntentScores): IntentFacts {
  askPerson(m, scores);
  const { withdrawal } = cancelOrStay(m, scores);
  const answer = yesOrNo(m, expecting, scores);
  offer(m, expecting, answer, scores);
  question(m, scores);
  courtesy(m, scores);
  return { ...answer, withdrawal };
}
