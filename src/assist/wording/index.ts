/**
 * The wording to read an utterance with: the language it is spoken in, told by its common
 * words and letters (å: Swedish; ü, ß: German; ä, ö: either), and, when it does not tell, the
 * customer's locale ("de-DE" -> German), else English.
 *
 * @example
 * wordingOf("Die Entsperrung ist kostenlos.", "de-DE").lang // "de"
 * wordingOf("Your phone is unlocked free.", "de-DE").lang   // "en": the agent spoke English
 */
import { LANGUAGES, type Language } from "../../domain/language.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { sv } from "./sv.js";
import type { AssistWording } from "./types.js";

export type { AssistWording } from "./types.js";

export const WORDINGS: Readonly<Record<Language, AssistWording>> = { en, de, sv };

const MARKERS = new Map<string, Language[]>();
for (const lang of LANGUAGES)
  for (const word of WORDINGS[lang].markers) MARKERS.set(word, [...(MARKERS.get(word) ?? []), lang]);

/** The language of a locale ("sv-SE" -> "sv"), when FairExit speaks it. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  const lang = locale?.slice(0, 2).toLowerCase();
  return (LANGUAGES as readonly string[]).includes(lang ?? "") ? (lang as Language) : undefined;
}

/** The language `text` is spoken in; `fallback` when its words do not tell. */
export function languageOfSpeech(text: string, fallback: Language = "en"): Language {
  return languageOfWords(text, fallback) ?? fallback;
}

/**
 * The language the agent's words are in, for the speech checker: what the words tell (ties go
 * to the customer's locale); undefined when they do not tell, so every language is tried.
 */
export function spokenLanguage(text: string, locale?: string): Language | undefined {
  return languageOfWords(text, languageOfLocale(locale) ?? "en");
}

function languageOfWords(text: string, preferred: Language): Language | undefined {
  const score: Record<Language, number> = { en: 0, de: 0, sv: 0 };
  for (const word of text.toLowerCase().match(/[\p{L}']+/gu) ?? [])
    for (const lang of MARKERS.get(word) ?? []) score[lang] += 1;
  score.sv += 2 * (text.match(/å/giu)?.length ?? 0);
  score.de += 2 * (text.match(/[üß]/giu)?.length ?? 0);
  const umlauts = text.match(/[äö]/giu)?.length ?? 0;
  score.de += umlauts;
  score.sv += umlauts;
  const best = Math.max(score.en, score.de, score.sv);
  if (best === 0) return undefined;
  if (score[preferred] === best) return preferred;
  return LANGUAGES.find((l) => score[l] === best);
}

/** The wording to read `text` with, for a customer of `locale`. */
export function wordingOf(text: string, locale?: string): AssistWording {
  return WORDINGS[languageOfSpeech(text, languageOfLocale(locale) ?? "en")];
}
