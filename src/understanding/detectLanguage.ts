/**
 * The message's language, by counting common words of each language (`markers` in the
 * lexicons: plain words, or word starts ending in `*`) and letters only one of them uses
 * (å: Swedish; ü, ß: German). English when nothing tells; on a tie English, then Swedish,
 * then German ("ja" alone reads as Swedish: the engine should keep the conversation's
 * language for one-word answers).
 */

import type { Language } from "../domain/understanding.js";
import { de } from "./lexicon.de.js";
import { en } from "./lexicon.en.js";
import { sv } from "./lexicon.sv.js";
import type { Message } from "./message.js";

const WORDS = new Map<string, Language[]>();
const STEMS: { stem: string; lang: Language }[] = [];
for (const [lang, lexicon] of [
  ["en", en],
  ["sv", sv],
  ["de", de],
] as const) {
  for (const marker of lexicon.markers) {
    if (!/^[\p{L}\p{N}']+\*?$/u.test(marker))
      throw new TypeError(`Invalid marker in ${lang}.markers: "${marker}": one word, optionally ending in *`);
    if (marker.endsWith("*")) STEMS.push({ stem: marker.slice(0, -1), lang });
    else WORDS.set(marker, [...(WORDS.get(marker) ?? []), lang]);
  }
}

const SWEDISH_LETTER = /å/g;
const GERMAN_LETTER = /[üß]/g;

/** How many of each language's common words and letters `message` has. */
export function languageScores(message: Message): Record<Language, number> {
  const score: Record<Language, number> = { en: 0, sv: 0, de: 0 };
  for (const word of message.tokens) {
    const langs = WORDS.get(word);
    if (langs) for (const lang of langs) score[lang] += 1;
    else for (const s of STEMS) if (word.startsWith(s.stem)) score[s.lang] += 1;
  }
  if (message.text.includes("å")) score.sv += 2 * (message.text.match(SWEDISH_LETTER)?.length ?? 0);
  if (message.text.includes("ü") || message.text.includes("ß"))
    score.de += 2 * (message.text.match(GERMAN_LETTER)?.length ?? 0);
  return score;
}

export function detectLanguage(message: Message): Language {
  const score = languageScores(message);
  if (score.en >= score.sv && score.en >= score.de) return "en";
  return score.sv >= score.de ? "sv" : "de";
}

/**
 * The language `message` is clearly written in, or undefined when it does not tell ("ja",
 * "ok", an account number). `strict`: to switch away from a language already in use, the
 * message needs at least two marks of the new one and twice as many as of any other; else
 * one mark more than any other language is enough.
 */
export function clearLanguage(message: Message, strict: boolean): Language | undefined {
  const score = languageScores(message);
  const ranked = (Object.keys(score) as Language[]).sort((a, b) => score[b] - score[a]);
  const [best, second] = [score[ranked[0]!], score[ranked[1]!]];
  if (best === 0 || best === second) return undefined;
  if (strict && (best < 2 || best < 2 * second)) return undefined;
  return ranked[0];
}
