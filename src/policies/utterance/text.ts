/**
 * Text helpers for the utterance checker. Normalisation keeps every character at its offset
 * (one character in, one out) so spans found in the normalised text index the original.
 */

export interface Range {
  start: number;
  end: number;
}

const SAME_LENGTH: Record<string, string> = {
  "\u2018": "'",
  "\u2019": "'",
  "\u02BC": "'",
  "\u201C": '"',
  "\u201D": '"',
  "\u00A0": " ",
  "\u2007": " ",
  "\u202F": " ",
  "\u2009": " ",
};
const SAME_LENGTH_RE = /[\u2018\u2019\u02BC\u201C\u201D\u00A0\u2007\u202F\u2009]/g;

/** Typographic quotes to ASCII, non-breaking and thin spaces to spaces; same length as `text`. */
export function normalizeForMatching(text: string): string {
  return text.replace(SAME_LENGTH_RE, (c) => SAME_LENGTH[c] ?? c);
}

const SENTENCE_END = /[.!?…]+["')\]]*(?=\s|$)|\n+/gu;

/** Sentences as ranges: ends at `.`, `!`, `?` or `…` followed by a space, or at a line break. */
export function sentenceRanges(text: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const end = m.index + m[0].length;
    if (hasNonSpace(text, start, end)) out.push({ start, end });
    start = end;
  }
  if (hasNonSpace(text, start, text.length)) out.push({ start, end: text.length });
  return out;
}

const NON_SPACE = /\S/g;

/** `text.slice(start, end).trim() !== ""` without the copy (`\s` is what `trim` removes). */
function hasNonSpace(text: string, start: number, end: number): boolean {
  NON_SPACE.lastIndex = start;
  const m = NON_SPACE.exec(text);
  NON_SPACE.lastIndex = 0;
  return m !== null && m.index < end;
}

/** The range in `ranges` containing `offset` (or the last one before it). */
export function rangeAt(ranges: readonly Range[], offset: number): Range {
  let found: Range = { start: 0, end: 0 };
  for (const r of ranges) {
    if (r.start > offset) break;
    found = r;
  }
  return found;
}

const CLAUSE_BREAK =
  /,\s|;|:\s|\s[—–-]\s|\s(?:but|so|although|though|however|whereas|while|men|så|fast|medan|aber|sodass|jedoch|doch|während)\s/gu;

/** Clauses of a sentence as ranges relative to `offset`. */
export function clauseRanges(sentence: string, offset = 0): Range[] {
  const out: Range[] = [];
  let start = 0;
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(sentence); m !== null; m = CLAUSE_BREAK.exec(sentence)) {
    if (m.index > start) out.push({ start: offset + start, end: offset + m.index });
    start = m.index + m[0].length;
  }
  if (start < sentence.length) out.push({ start: offset + start, end: offset + sentence.length });
  return out;
}

export const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;

function isWordChar(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return 1;
  if (c < 0xc0) return 0;
  const cp = text.codePointAt(i) ?? c;
  const width = cp > 0xffff ? 2 : 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(cp)) ? width : 0;
}

/** Runs of letters and digits with their offsets ("you'll" is "you" and "ll"). */
export function wordsOf(text: string): { start: number; word: string }[] {
  const out: { start: number; word: string }[] = [];
  let i = 0;
  while (i < text.length) {
    let w = isWordChar(text, i);
    if (w === 0) {
      i += 1;
      continue;
    }
    const start = i;
    while (w > 0) {
      i += w;
      w = i < text.length ? isWordChar(text, i) : 0;
    }
    out.push({ start, word: text.slice(start, i) });
  }
  return out;
}

/** True when `word` is one word of `wordsOf` on its own: letters and digits only, as it splits them. */
export function isOneWord(word: string): boolean {
  return word !== "" && endOfWord(word, 0) === word.length;
}

/**
 * True when `wordsOf(text)` has a word from `start` to `end`, for a part of `text` known to be
 * one word on its own (`isOneWord`): only the characters around it need looking at.
 */
export function standsAsWord(text: string, start: number, end: number): boolean {
  if (end < text.length && isWordChar(text, end) > 0) return false;
  if (start === 0) return true;
  // `wordsOf` steps over a letter outside the BMP whole: start - 1 may be its second half.
  return isWordChar(text, start - 1) === 0 && !(start >= 2 && isWordChar(text, start - 2) === 2);
}

function endOfWord(text: string, start: number): number {
  let i = start;
  for (let w = isWordChar(text, i); w > 0; w = i < text.length ? isWordChar(text, i) : 0) i += w;
  return i;
}

/** True when the character just before `i` is a letter or digit. */
export function isLetterOrDigitBefore(text: string, i: number): boolean {
  if (i <= 0) return false;
  const c = text.charCodeAt(i - 1);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return true;
  if (c < 0xc0) return false;
  const at = c >= 0xdc00 && c <= 0xdfff && i >= 2 ? i - 2 : i - 1;
  return LETTER_OR_DIGIT.test(String.fromCodePoint(text.codePointAt(at) ?? c));
}
