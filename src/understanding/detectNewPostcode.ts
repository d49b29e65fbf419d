/**
 * Which postcode a customer gives as the one they are moving to, and whether it corrects one
 * said before. "We are moving to SW1A 1AA, not N1 9GU", "Nicht 10115, sondern 80331",
 * "Inte 169 57 utan 411 01": the new postcode is the one not rejected, and it is a
 * correction. "Sorry, I meant M1 1AE", "ich meinte 80331", "jag menade 411 01": one postcode,
 * a correction. "From N1 9GU to LS1 4AP": the new one is after "to", and nothing is corrected.
 *
 * The postcodes are found by `extractIdentity` (the formats live there), one after another:
 * each one found is masked and the text read again. What decides is the one to three words
 * right before each postcode (`postcodeRejecting`, `postcodeLeaving`, `postcodeDestination` in
 * the lexicons) and the words right after it ("… is wrong", "… ist falsch", "… är fel").
 */

import type { Expectation } from "../domain/understanding.js";
import { lexicon, postcodeCues } from "./compiledLexicon.js";
import type { WordSet } from "./diacritics.js";
import { extractIdentity } from "./extractIdentity.js";
import { type Message, prepareMessage } from "./message.js";

export interface NewPostcode {
  /**
   * In a correction, or when the bot asked for the new postcode, the one meant; with the new
   * postcode and another one ("moving to X, my postcode is Y"), the other one (the account's);
   * absent otherwise.
   */
  postcode?: string;
  /**
   * The postcode said as where they are going (after "to", "nach", "till"; the one kept in a
   * correction; the other one in "from … to …"; any when the bot asked for it), only when the
   * message or the question is about moving.
   */
  newPostcode?: string;
  /** The postcode replaces one said before (or one named in the same message as wrong). */
  corrects: boolean;
}

interface Found {
  value: string;
  /** The last words before it in its clause, nearest last (other postcodes left out). */
  before: string[];
  /** The first words after it in its clause. */
  after: string[];
}

const MAX_POSTCODES = 4;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The words of the clause of `raw` next to a postcode: its last clause (`last`, the text
 * before the postcode) or its first (the text after). A word is put where the postcode was,
 * so a clause mark next to it counts ("not X, Y": nothing of the first clause is before Y).
 */
function clauseWords(raw: string, last: boolean): string[] {
  const marked = last ? `${raw} postcode` : `postcode ${raw}`;
  const clauses = prepareMessage(marked).text.split("|");
  const words = ((last ? clauses[clauses.length - 1] : clauses[0]) ?? "").trim().split(" ");
  return last ? words.slice(0, -1) : words.slice(1);
}

/** Every postcode in the message, in order, with the words around it. */
function postcodesIn(message: Message, expecting: Expectation, moving: boolean): Found[] {
  let raw = message.raw;
  const spans: { value: string; start: number; end: number }[] = [];
  for (let i = 0; i < MAX_POSTCODES; i++) {
    const { postcode } = extractIdentity(prepareMessage(raw), expecting, moving);
    if (postcode === undefined) break;
    const flexible = new RegExp(
      postcode
        .split("")
        .map((c) => (c === " " ? "\\s*" : escapeRegExp(c)))
        .join(""),
      "i",
    );
    const m = flexible.exec(raw);
    if (!m || m[0] === "") break;
    spans.push({ value: postcode, start: m.index, end: m.index + m[0].length });
    raw = raw.slice(0, m.index) + "#".repeat(m[0].length) + raw.slice(m.index + m[0].length);
  }
  spans.sort((a, b) => a.start - b.start);
  return spans.map((s) => ({
    value: s.value,
    before: clauseWords(raw.slice(0, s.start), true),
    after: clauseWords(raw.slice(s.end), false),
  }));
}

/** One to three of the words right before (nearest last) form a cue of `cues`. */
function endsWith(words: string[], cues: WordSet): boolean {
  for (let n = 1; n <= 3 && n <= words.length; n++) if (cues.has(words.slice(-n).join(" "))) return true;
  return false;
}

/** One to four of the words right after form a cue of `cues`. */
function startsWith(words: string[], cues: WordSet): boolean {
  for (let n = 1; n <= 4 && n <= words.length; n++) if (cues.has(words.slice(0, n).join(" "))) return true;
  return false;
}

/**
 * The new postcode and whether it corrects another. `moving`: the message (or the question
 * asked) is about moving, so five digits alone count as a postcode.
 */
export function detectNewPostcode(message: Message, expecting: Expectation, moving: boolean): NewPostcode {
  const correction = lexicon.correction.test(message);
  const found = postcodesIn(message, expecting, moving || correction);
  if (found.length === 0) return { corrects: false };

  const read = found.map((f) => ({
    value: f.value,
    rejected: endsWith(f.before, postcodeCues.rejecting) || startsWith(f.after, postcodeCues.wrongAfter),
    leaving: endsWith(f.before, postcodeCues.leaving),
    destination: endsWith(f.before, postcodeCues.destination),
  }));
  const candidates = read.filter((r) => !r.rejected && !r.leaving);
  const chosen = candidates.find((r) => r.destination) ?? candidates[0];
  if (!chosen) return { corrects: false };

  const corrects = read.some((r) => r.rejected) || correction;
  const setAside = read.some((r) => r.leaving);
  const aboutMoving = moving || expecting === "new_postcode";
  const isNew = aboutMoving && (chosen.destination || corrects || setAside || expecting === "new_postcode");
  // "moving to X, account …, postcode Y": the account's postcode is the other one
  const other =
    isNew && !corrects ? read.find((r) => r !== chosen && !r.rejected && !r.destination) : undefined;
  const meant = corrects || expecting === "new_postcode" ? chosen.value : other?.value;
  return {
    ...(meant !== undefined ? { postcode: meant } : {}),
    ...(isNew ? { newPostcode: chosen.value } : {}),
    corrects,
  };
}
