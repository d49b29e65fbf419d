import type { Passage } from "./passage.js";
import type { SieveHits } from "./sieve.js";
import type { Range } from "./text.js";

/** What the utterance checker reports: one problem in one place of a message. */
export interface Finding {
  /** `tone`: language never allowed; `contradiction`: says something the Decision does not. */
  kind: "tone" | "contradiction";
  /** Tone category id (e.g. `confirmshaming`) or contradiction kind (e.g. `fee_not_due`). */
  category: string;
  /**
   * Tone: `tone.<category>.<pattern-id>` or `tone.<category>.phrase.<lang>`.
   * Contradiction: the id of the Decision rule contradicted (waiver, obligation, action …),
   * or `contradiction.<category>` when no single rule is.
   */
  ruleId: string;
  /** Offsets into the checked text (UTF-16, end exclusive) and the text there. */
  span: { start: number; end: number; text: string };
  /** Plain words for the bot log and the agent's card. */
  message: string;
  /** What to say instead, when there is a suggestion. */
  alternative?: string;
}

/** The text being checked, split once. `lower` (normalised, lower-cased) has the offsets of `text`. */
export interface CheckedText {
  text: string;
  lower: string;
  sentences: readonly Range[];
  /** Where the contradiction lexicon's factors occur in `lower`; filled on first use (lexiconSieve.ts). */
  lexicon?: SieveHits;
  /** Its sentences and clauses with what was found in them, by range; filled on first use (lexiconSieve.ts). */
  passages?: Map<number, Passage>;
}

/**
 * What depends on a text alone: its tone findings (the text, the speaker and the tone rules
 * decide them) and, from its second check on, the text split for the contradiction checks.
 * Kept per compiled tone (`CompiledTone.knownTexts`) by `checkUtterance`.
 */
export interface KnownText {
  readonly tone: readonly Finding[];
  readonly text: string;
  t?: CheckedText;
}

/** A contradiction finding over range `r` of the checked text. */
export const contradiction = (
  t: CheckedText,
  category: string,
  ruleId: string,
  r: Range,
  message: string,
  alternative?: string,
): Finding => ({
  kind: "contradiction",
  category,
  ruleId,
  span: { start: r.start, end: r.end, text: t.text.slice(r.start, r.end) },
  message,
  ...(alternative ? { alternative } : {}),
});
