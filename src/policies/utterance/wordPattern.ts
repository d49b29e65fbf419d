/**
 * A regular expression that matches whole words only, checked in code rather than with a
 * leading `(?<![\p{L}\p{N}])` (which stops the regex engine from skipping ahead and made
 * every scan several times slower). Runs on lower-cased text.
 */
import { isLetterOrDigitBefore } from "./text.js";

export interface WordMatch {
  index: number;
  text: string;
  groups: Record<string, string | undefined>;
}

export class WordPattern {
  /** The whole expression (flags "gu"); its matches are the candidates `exec` checks. */
  readonly re: RegExp;

  /**
   * @param body alternatives that must start and end at word boundaries
   * @param compounds alternatives that may also end a compound word ("kündigungs*gebühr*"):
   *   they must end at a word boundary but may start inside a word
   */
  constructor(body: string, compounds?: string) {
    const tail = "(?![\\p{L}\\p{N}])";
    const whole = `(?<w>${body})${tail}`;
    this.re = new RegExp(compounds ? `${whole}|(?<c>${compounds})${tail}` : whole, "gu");
  }

  /** The first match at or after `from`. */
  exec(text: string, from = 0): WordMatch | null {
    const re = this.re;
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      if (m[0].length > 0 && (m.groups?.c !== undefined || !isLetterOrDigitBefore(text, m.index))) {
        re.lastIndex = 0;
        return { index: m.index, text: m[0], groups: m.groups ?? {} };
      }
      re.lastIndex = m.index + 1;
    }
    re.lastIndex = 0;
    return null;
  }

  test(text: string): boolean {
    return this.exec(text) !== null;
  }

  /** Every non-overlapping match. */
  all(text: string): WordMatch[] {
    const out: WordMatch[] = [];
    for (let m = this.exec(text); m !== null; m = this.exec(text, m.index + m.text.length)) out.push(m);
    return out;
  }
}
