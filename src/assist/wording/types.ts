/**
 * How agents say things, per language, as data: the concepts that state each obligation topic,
 * what makes a sentence a question or withhold what it is about, and the speech acts
 * (confirming the cancellation, making a retention offer, declining one). One file a language
 * (`en.ts`, `de.ts`, `sv.ts`); the matcher (`../obligationConcepts.ts`) and the speech acts
 * (`../speechActs.ts`) read nothing else.
 */
import type { Language } from "../../domain/language.js";

export interface AssistWording {
  lang: Language;
  /** Concepts per topic: every one must match a statement of the utterance; the first is the subject. */
  concepts: Readonly<Record<string, readonly RegExp[]>>;
  /**
   * Topics whose statement is a negation in itself ("we will not contact you with offers",
   * "nothing is cancelled until you confirm"): their concepts carry the negation, so a negator
   * in the sentence does not withhold them.
   */
  negativeTopics: readonly string[];
  /**
   * Topics another topic's words overlap ("the unlock is free" is not the charges for leaving):
   * a sentence about the topic that also matches `when` states it only when it matches `need`.
   */
  guards?: Readonly<Record<string, { when: RegExp; need: RegExp }>>;
  /** A sentence that asks rather than states. */
  question: RegExp;
  /** A sentence that withholds, or puts off, what it is about ("I can't go into that now", "I'll send you the details later"). */
  withhold: RegExp;
  /** English: a negator right before the subject ("we don't unlock"). */
  negatedBefore?: RegExp;
  /** German, Swedish: a negator anywhere in the sentence (the negation often follows the verb). */
  negatedAnywhere?: RegExp;
  /** Negations that state a benefit rather than withhold ("no charge", "keine Gebühr", "ingen avgift"). */
  benefit: RegExp;
  /** Words naming a kind of service, so "your broadband ends on …" is told apart from the TV. */
  serviceKinds: Readonly<Record<string, RegExp>>;
  /** "both", "all", "everything": the words cover every service. */
  every: RegExp;
  /** The agent states or announces that the cancellation is being done. */
  confirmation: readonly RegExp[];
  /** A sentence that asks for the go-ahead rather than confirming. */
  asking: RegExp;
  offer: RegExp;
  notAnOffer: RegExp;
  decline: RegExp;
  /** Common words of the language, to tell which language an utterance is in. */
  markers: readonly string[];
}
