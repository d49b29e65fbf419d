/**
 * The sieve of the contradiction lexicon (sieve.ts): one scan of the checked text tells which
 * lexicon expressions may match in which sentence or clause, so the checks run only those
 * that can. Built from the expressions themselves; an expression the sieve does not have is
 * never skipped, only slower.
 */
import * as lexicon from "./contradictionLexicon.js";
import {
  CANNOT_CANCEL,
  EARLY,
  FEE_NAMES,
  GENERIC_FEE,
  MONTHS_TO_PAY,
  MUST_USE_OTHER_CHANNEL,
} from "./contradictionLexicon.js";
import type { CheckedText } from "./finding.js";
import { MONEY } from "./money.js";
import type { Passage } from "./passage.js";
import { Sieve, type SieveHits } from "./sieve.js";
import { clauseRanges, type Range } from "./text.js";
import { type WordMatch, WordPattern } from "./wordPattern.js";

/** Every expression of the lexicon (a new one is sieved without being listed here). */
const WORD_PATTERNS: readonly WordPattern[] = [
  ...FEE_NAMES.map((f) => f.regex),
  ...Object.values(lexicon).filter((v): v is WordPattern => v instanceof WordPattern),
];

/** A fee name (any of FEE_NAMES), GENERIC_FEE, EARLY, MONTHS_TO_PAY, or an amount of MONEY. */
export const FEE_OR_MONEY = Symbol("fee word or money");
/** CANNOT_CANCEL or MUST_USE_OTHER_CHANNEL. */
export const REFUSAL = Symbol("refusal to cancel");

/** The lexicon's expressions by key (a WordPattern, or MONEY), and its groups. */
export const LEXICON: {
  expressions: readonly (readonly [unknown, RegExp])[];
  groups: readonly (readonly [unknown, readonly unknown[]])[];
} = {
  expressions: [...WORD_PATTERNS.map((p) => [p, p.re] as const), [MONEY, MONEY]],
  groups: [
    [FEE_OR_MONEY, [...FEE_NAMES.map((f) => f.regex), GENERIC_FEE, EARLY, MONTHS_TO_PAY, MONEY]],
    [REFUSAL, [CANNOT_CANCEL, MUST_USE_OTHER_CHANNEL]],
  ],
};

/** The keys the contradiction checks ask the sieve about. */
export const LEXICON_KEYS: readonly unknown[] = [
  ...LEXICON.expressions.map(([key]) => key),
  ...LEXICON.groups.map(([key]) => key),
];

export const LEXICON_SIEVE = new Sieve(LEXICON.expressions, { groups: LEXICON.groups });

/**
 * The lexicon sieve's hits in the checked text, scanned once per text (or given by
 * checkUtterance from the scan of a sieve that also has the lexicon, the tone's).
 */
export function lexiconHits(t: CheckedText): SieveHits {
  t.lexicon ??= LEXICON_SIEVE.scan(t.lower);
  return t.lexicon;
}

/**
 * A sentence or clause of the checked text; a lexicon test on it is skipped when the sieve
 * rules it out. What it finds depends on its text only, so each result is remembered: the
 * checked text is remembered per text (checkUtterance.ts), and a text checked again against
 * another decision runs only the comparisons with that decision.
 */
class TextPassage implements Passage {
  readonly text: string;
  private readonly found = new Map<WordPattern, WordMatch | null>();
  private readonly derived = new Map<(text: string) => unknown, unknown>();
  private clauseList?: readonly Range[];

  constructor(
    t: CheckedText,
    readonly range: Range,
    private readonly hits: SieveHits = lexiconHits(t),
  ) {
    this.text = t.lower.slice(range.start, range.end);
  }

  mayMatch(p: WordPattern | RegExp): boolean {
    return this.hits.mayMatch(p, this.range.start, this.range.end);
  }

  /** `p.test(this.text)`. */
  test(p: WordPattern): boolean {
    return this.exec(p) !== null;
  }

  /** `p.exec(this.text)` (the match is shared: read it, do not change it). */
  exec(p: WordPattern): WordMatch | null {
    let m = this.found.get(p);
    if (m === undefined) {
      m = this.mayMatch(p) ? p.exec(this.text) : null;
      this.found.set(p, m);
    }
    return m;
  }

  /** Its clauses, as ranges of the checked text. */
  clauses(): readonly Range[] {
    this.clauseList ??= clauseRanges(this.text, this.range.start);
    return this.clauseList;
  }

  /** `f(this.text)`, for a pure function of the text (shared: read it, do not change it). */
  of<R>(f: (text: string) => R): R {
    if (this.derived.has(f)) return this.derived.get(f) as R;
    const r = f(this.text);
    this.derived.set(f, r);
    return r;
  }
}

/** The passage of `t` over `range`, made once per checked text. */
export function passageOf(t: CheckedText, range: Range): Passage {
  t.passages ??= new Map();
  const key = range.start * (t.lower.length + 1) + range.end;
  let p = t.passages.get(key);
  if (!p) {
    p = new TextPassage(t, range, lexiconHits(t));
    t.passages.set(key, p);
  }
  return p;
}
