/**
 * Reported and corrected speech: an agent who repeats what someone else told the customer in
 * order to put it right ("I'm sorry my colleague told you it had to be in writing, it doesn't";
 * "Wer Ihnen gesagt hat, die Kündigung gehe nur per Fax, der hatte unrecht"; "min kollega sa
 * att du måste gå in i en butik, det behöver du inte") is not saying it. A tone finding is
 * dropped when its words are reported (after a reporting verb of someone other than the agent,
 * in the same sentence, or in quotation marks) AND the same turn corrects them. Reported words
 * left uncorrected still count: "like my colleague said, you have to go to a store" repeats
 * the unfair claim with the agent's authority. Pure; the words are in reportedSpeechLexicon.ts.
 */
import {
  CLOSING_QUOTES,
  OPENING_QUOTES,
  REPORTED_SPEECH,
  type ReportedSpeechWords,
} from "./reportedSpeechLexicon.js";
import type { Range } from "./text.js";

/** How far (in characters) before the span a reporting verb may stand: the reported clause. */
const FRAME_REACH = 90;
/** How far around the span quotation marks are looked for. */
const QUOTE_REACH = 60;

const SENTENCE_END = /[.!?…\n]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Whether the words at `span` of `lower` (the lower-cased, normalised text of one turn) are
 * someone else's, reported to be corrected in the same turn. `lang` undefined: any language.
 */
export function reportedAndCorrected(lower: string, lang: string | undefined, span: Range): boolean {
  const langs = lang ? [lang] : Object.keys(REPORTED_SPEECH);
  return langs.some((l) => {
    const words = REPORTED_SPEECH[l];
    if (!words) return false;
    return (quoted(lower, span) || framed(lower, words, span)) && corrected(lower, words, span);
  });
}

/** The start of the sentence holding offset `at`. */
function sentenceStart(lower: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (SENTENCE_END.test(lower[i] as string)) return i + 1;
  return 0;
}

/** A reporting verb of someone else before the span, in its sentence and close to it. */
function framed(lower: string, words: ReportedSpeechWords, span: Range): boolean {
  const from = Math.max(sentenceStart(lower, span.start), span.start - FRAME_REACH);
  const before = lower.slice(from, span.start);
  for (const m of before.matchAll(words.frame)) {
    const end = from + m.index + m[0].length;
    if (!words.self.test(lower.slice(sentenceStart(lower, span.start), end))) return true;
  }
  return false;
}

/** An opening quotation mark before the span and a closing one after it, none in between. */
function quoted(lower: string, span: Range): boolean {
  let open = false;
  for (let i = span.start - 1; i >= Math.max(0, span.start - QUOTE_REACH); i--) {
    const c = lower[i] as string;
    if (SENTENCE_END.test(c)) break;
    if (!OPENING_QUOTES.includes(c) && !CLOSING_QUOTES.includes(c)) continue;
    const [b, a] = [lower[i - 1], lower[i + 1]];
    if (isWordChar(b) && isWordChar(a)) continue; // an apostrophe: you'll, it's
    open = OPENING_QUOTES.includes(c) && !isWordChar(b);
    break;
  }
  if (!open) return false;
  for (let i = span.end; i < Math.min(lower.length, span.end + QUOTE_REACH); i++) {
    const c = lower[i] as string;
    if (!CLOSING_QUOTES.includes(c)) continue;
    const [b, a] = [lower[i - 1], lower[i + 1]];
    if (isWordChar(b) && isWordChar(a)) continue;
    return !isWordChar(a);
  }
  return false;
}

/** A correction anywhere in the turn outside the span ("it doesn't", "das stimmt nicht", "strunta i det"). */
function corrected(lower: string, words: ReportedSpeechWords, span: Range): boolean {
  for (const m of lower.matchAll(words.correction)) {
    const end = m.index + m[0].length;
    if (end <= span.start || m.index >= span.end) return true;
  }
  return false;
}
