/**
 * Whether a phrase found in a message is negated: "I'm *not* moving", "flyttar *inte*",
 * "ziehe *nicht* um". Looks at the few words before it in the same clause, up to a word that
 * starts a new thought ("not the price but the service is awful": "but", "weil", "men"), and
 * at the word right after it (Swedish and German put the negation after the verb).
 */
import { negation } from "./compiledLexicon.js";
import type { Hit } from "./lexiconPatterns.js";
import { wordAfter, wordsBefore, wordsOf } from "./message.js";

const INTERJECTIONS = new Set(["no", "nej", "nein", "nope", "nee", "nä"]);
/** Words that start a new thought inside a clause: a negation before them does not reach past. */
const BOUNDS = new Set(["but", "because", "aber", "sondern", "weil", "denn", "men", "eftersom"]);
const AFTER = new Set(["not", "inte", "ej", "nicht", "aldrig", "nie"]);

export interface NegationOptions {
  /** How many words before the phrase may hold the negation. */
  window: number;
  /**
   * "can't cancel", "kan inte säga upp", "kann nicht kündigen" are frustration, not refusal:
   * a modal negation does not negate when this is set.
   */
  ignoreModal?: boolean;
  /** Extra words that negate here ("keep the TV" does not name a service to cancel). */
  extra?: ReadonlySet<string>;
}

function isNegator(word: string, extra: ReadonlySet<string> | undefined): boolean {
  return negation.negators.has(word) || word.endsWith("n't") || (extra?.has(word) ?? false);
}

/** True when the phrase at `hit` is negated. */
export function isNegated(text: string, hit: Hit, options: NegationOptions): boolean {
  const before = wordsBefore(text, hit.start);
  const own = wordsOf(text, hit.start, hit.end);
  let from = Math.max(0, before.length - options.window);
  for (let j = before.length - 1; j >= from; j--) {
    if (BOUNDS.has(before[j] ?? "")) {
      from = j + 1;
      break;
    }
  }
  for (let j = from; j < before.length; j++) {
    const word = before[j] ?? "";
    if (!isNegator(word, options.extra)) continue;
    if (j === 0 && INTERJECTIONS.has(word)) continue; // "no I'm moving": an answer, not a negation
    const next = before[j + 1] ?? own[0] ?? "";
    if (negation.undo.has(next)) continue;
    if (
      options.ignoreModal &&
      [word, before[j - 1], before[j - 2]].some((w) => negation.modals.has(w ?? ""))
    ) {
      continue;
    }
    return true;
  }
  const last = own[own.length - 1] ?? "";
  return !AFTER.has(last) && AFTER.has(wordAfter(text, hit.end));
}

/** A modal ("kan", "kann", "can't") in the three words before the phrase: "ich kann online nicht kündigen". */
export function modalBefore(text: string, hit: Hit): boolean {
  return wordsBefore(text, hit.start)
    .slice(-3)
    .some((w) => negation.modals.has(w));
}
