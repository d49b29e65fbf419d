/**
 * A customer message prepared once for every detector: the raw text (for identity and for
 * quoting a claim) and a normalised form the lexicons match on.
 *
 * The normalised form is lower case, words are runs of letters and digits (with in-word
 * apostrophes made ASCII: "don’t" is "don't"; and in-word colons dropped: Swedish "tv:n" is
 * "tvn"), separated by one space, and clause punctuation (`, . ; : ! ? …`, line breaks, a
 * dash between spaces: "it's too slow - cancel it") is a ` | ` token. It starts and ends with a space, so a lexicon phrase is found by matching
 * ` phrase` followed by a space: "Hi! I'm NOT moving, it's just too expensive." becomes
 * ` hi | i'm not moving | it's just too expensive `. Accents the lexicons do not write are
 * dropped ("café" is "cafe"); ä, ö, ü, å and ß stay as typed, and the lexicons match them and
 * their plain spellings alike (see `diacritics.ts`).
 */

import { foldAccents } from "./diacritics.js";

/** Longer messages are read up to here: a chat message is short, and this bounds the work. */
export const MAX_MESSAGE_CHARS = 2000;

export interface Message {
  /** The text as typed (trimmed, at most MAX_MESSAGE_CHARS). */
  readonly raw: string;
  /** Normalised, with ` | ` between clauses. */
  readonly text: string;
  /** Normalised, without clause marks: for whole-message answers ("no, thanks"). */
  readonly core: string;
  /** The words, in order. */
  readonly tokens: readonly string[];
  /** How many words the message has. */
  readonly words: number;
  readonly questionMark: boolean;
  /** Which lexicon categories can match here; filled in on first use (see `lexiconPatterns.ts`). */
  gate?: Uint8Array;
}

const COMBINING = /[\u0300-\u036f]/;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const FANCY_APOSTROPHE = /[\u2019\u2018\u02bc`\u00b4]/g;

function isWordCode(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  if (c >= 0xc0 && c <= 0x24f) return c !== 0xd7 && c !== 0xf7; // Latin-1 and Extended-A/B letters
  if (c >= 0xd800 && c <= 0xdfff) return false;
  return LETTER_OR_DIGIT.test(String.fromCharCode(c));
}

const isLetterCode = (c: number): boolean => isWordCode(c) && !(c >= 48 && c <= 57);

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 0x2018 || c === 0x2bc || c === 96 || c === 0xb4;
}

function isClauseBreak(c: number): boolean {
  // . , ; : ! ? | … ¡ ¿ \n \r
  return (
    c === 46 ||
    c === 44 ||
    c === 59 ||
    c === 58 ||
    c === 33 ||
    c === 63 ||
    c === 124 ||
    c === 0x2026 ||
    c === 0xa1 ||
    c === 0xbf ||
    c === 10 ||
    c === 13
  );
}

/** "-", "–" or "—" with a space (or the text's end) on both sides: a pause between clauses. */
function isDashBetweenSpaces(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c !== 45 && c !== 0x2013 && c !== 0x2014) return false;
  const spaceOrEnd = (j: number) => j < 0 || j >= s.length || /\s/.test(s.charAt(j));
  return spaceOrEnd(i - 1) && spaceOrEnd(i + 1);
}

/** An apostrophe or colon that joins two letters ("don't", "tv:n") stays inside the word. */
function joinsWord(s: string, j: number): boolean {
  const c = s.charCodeAt(j);
  if (!isApostrophe(c) && c !== 58) return false;
  return j + 1 < s.length && isLetterCode(s.charCodeAt(j - 1)) && isLetterCode(s.charCodeAt(j + 1));
}

function cleanWord(word: string): string {
  let w = foldAccents(word);
  if (w.includes(":")) w = w.replaceAll(":", "");
  if (w.length > 1 && /[\u2019\u2018\u02bc`\u00b4]/.test(w)) w = w.replace(FANCY_APOSTROPHE, "'");
  return w;
}

/** Prepares `input` for the detectors. Never throws. */
export function prepareMessage(input: string): Message {
  let raw = input.length > MAX_MESSAGE_CHARS ? input.slice(0, MAX_MESSAGE_CHARS) : input;
  if (COMBINING.test(raw)) raw = raw.normalize("NFC");
  raw = raw.trim();
  const lower = raw.toLowerCase();
  const parts: string[] = [];
  const tokens: string[] = [];
  let pendingBreak = false;
  let i = 0;
  while (i < lower.length) {
    const c = lower.charCodeAt(i);
    if (!isWordCode(c)) {
      if (isClauseBreak(c) || isDashBetweenSpaces(lower, i)) pendingBreak = true;
      i++;
      continue;
    }
    let j = i + 1;
    while (j < lower.length && (isWordCode(lower.charCodeAt(j)) || joinsWord(lower, j))) j++;
    const word = cleanWord(lower.slice(i, j));
    if (pendingBreak && parts.length > 0) parts.push("|");
    pendingBreak = false;
    parts.push(word);
    tokens.push(word);
    i = j;
  }
  const text = parts.length === 0 ? " " : ` ${parts.join(" ")} `;
  const core = tokens.length === 0 ? " " : ` ${tokens.join(" ")} `;
  return { raw, text, core, tokens, words: tokens.length, questionMark: raw.includes("?") };
}

/** True when the phrase found at `start` (its leading space) begins a clause. */
export function atClauseStart(text: string, start: number): boolean {
  return start === 0 || text.charCodeAt(start - 1) === 124; // "|"
}

/** The words of the clause before `start`, nearest last. */
export function wordsBefore(text: string, start: number): string[] {
  const bar = text.lastIndexOf("|", start - 1);
  const segment = text.slice(bar + 1, start).trim();
  return segment === "" ? [] : segment.split(" ");
}

/** The word right after `end` (the trailing space of a phrase), or "" at the end. */
export function wordAfter(text: string, end: number): string {
  const next = text.indexOf(" ", end + 1);
  return next < 0 ? "" : text.slice(end + 1, next);
}

/** The words of a phrase found between `start` (its leading space) and `end`. */
export function wordsOf(text: string, start: number, end: number): string[] {
  const s = text.slice(start + 1, end);
  return s === "" ? [] : s.split(" ");
}
