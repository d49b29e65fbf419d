/**
 * A sentence or clause of a checked text, as the contradiction checks read it. The shape
 * only: `lexiconSieve.ts` makes them (`passageOf`), `finding.ts` keeps them on the checked
 * text. Its own file so neither of those imports the other.
 */
import type { Range } from "./text.js";
import type { WordMatch, WordPattern } from "./wordPattern.js";

export interface Passage {
  /** The lower-cased text of the range. */
  readonly text: string;
  readonly range: Range;
  /** False when the lexicon sieve rules out a match of `p` here. */
  mayMatch(p: WordPattern | RegExp): boolean;
  /** `p.test(this.text)`. */
  test(p: WordPattern): boolean;
  /** `p.exec(this.text)` (the match is shared: read it, do not change it). */
  exec(p: WordPattern): WordMatch | null;
  /** Its clauses, as ranges of the checked text. */
  clauses(): readonly Range[];
  /** `f(this.text)`, for a pure function of the text (shared: read it, do not change it). */
  of<R>(f: (text: string) => R): R;
}
