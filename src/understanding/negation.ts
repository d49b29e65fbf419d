/**
 * Whether a phrase found in a message is negated: "I'm *not* moving", "flyttar *inte*",
 * "ziehe *nicht* um". Looks at the few words before it in the same clause, up to a word that
 * starts a new thought ("not the price but the service is awful": "but", "weil", "men"), and
 * at the word right after it, or after one or two bridging words (Swedish and German put the
 * negation after the verb: "Umzug ist nicht geplant").
 */
import { codeWords, negation } from "./compiledLexicon.js";
import type { WordSet } from "./diacritics.js";
import type { Hit, Phrases, Scannable } from "./lexiconPatterns.js";
import { wordAfter, wordsBefore, wordsOf } from "./message.js";

const INTERJECTIONS = codeWords(["no", "nej", "nein", "nope", "nee", "nä"]);
/** Words that start a new thought inside a clause: a negation before them does not reach past. */
const BOUNDS = codeWords(["but", "because", "aber", "sondern", "weil", "denn", "men", "utan", "eftersom"]);
const AFTER = codeWords(["not", "inte", "ej", "nicht", "aldrig", "nie"]);
/** Words that may stand between a German or Swedish phrase and its negation: "Umzug *ist* nicht geplant", "zu teuer *ist es* nicht". */
const BRIDGES = codeWords(["ist", "sind", "war", "waren", "es", "das", "är", "var", "det"]);
const MAX_BRIDGES = 2;

export interface NegationOptions {
  /** How many words before the phrase may hold the negation. */
  window: number;
  /**
   * "can't cancel", "kan inte säga upp", "kann nicht kündigen" are frustration, not refusal:
   * a modal negation does not negate when this is set.
   */
  ignoreModal?: boolean;
  /** Extra words that negate here ("keep the TV" does not name a service to cancel). */
  extra?: WordSet;
}

function isNegator(word: string, extra: WordSet | undefined): boolean {
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
  return !AFTER.has(last) && negatedAfter(text, hit.end);
}

/** A negation right after the phrase ending at `end`, or after one or two bridging words. */
function negatedAfter(text: string, end: number): boolean {
  let at = end;
  for (let bridged = 0; bridged <= MAX_BRIDGES; bridged++) {
    const word = wordAfter(text, at);
    if (AFTER.has(word)) return true;
    if (!BRIDGES.has(word)) return false;
    at += word.length + 1;
  }
  return false;
}

/**
 * A negator among the words a phrase's gap (`…`) took in: "ziehen wir *nicht* um", "meinen
 * Job *nicht* verloren". Told apart from a negator the entry spells itself ("funktioniert …
 * nicht", "still not fixed") by reading the phrase again without it: when `phrases` still
 * match there, the gap held it.
 */
export function negatedInGap(phrases: Phrases, message: Scannable, hit: Hit): boolean {
  const text = message.text;
  const own = wordsOf(text, hit.start, hit.end);
  for (let i = 1; i < own.length - 1; i++) {
    if (!isNegator(own[i] ?? "", undefined)) continue;
    const without = [...own.slice(0, i), ...own.slice(i + 1)].join(" ");
    const again = phrases.first(
      { text: `${text.slice(0, hit.start)} ${without}${text.slice(hit.end)}`, tokens: message.tokens },
      hit.start,
    );
    if (again?.start === hit.start) return true;
  }
  return false;
}

/** A modal ("kan", "kann", "can't") in the three words before the phrase: "ich kann online nicht kündigen". */
export function modalBefore(text: string, hit: Hit): boolean {
  return wordsBefore(text, hit.start)
    .slice(-3)
    .some((w) => negation.modals.has(w));
}
