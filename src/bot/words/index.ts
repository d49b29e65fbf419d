/**
 * Where every message of the bot is worded: one catalog per language (`en.ts`, `de.ts`,
 * `sv.ts`), each implementing `Words`, and `wordsFor` to pick one.
 *
 * @example
 * import { wordsFor } from "./words/index.js";
 * wordsFor("de").buttons.confirmCancel; // "jetzt kündigen"
 */
import type { Language } from "../../domain/language.js";
import { de } from "./de.js";
import { en } from "./en.js";
import { sv } from "./sv.js";
import type { Words } from "./words.js";

export type { Amount, CancellationFacts, Words } from "./words.js";

const CATALOGS: Record<Language, Words> = { en, de, sv };

/** The bot's words in `language` (English for anything else). */
export function wordsFor(language: Language | undefined): Words {
  return (language && CATALOGS[language]) || en;
}

/** The languages the bot speaks. */
export const LANGUAGES = Object.keys(CATALOGS) as Language[];

/** The language of a locale such as `de-DE` ("en" when it is none the bot speaks). */
export function languageOfLocale(locale: string | undefined): Language {
  const l = locale?.slice(0, 2).toLowerCase();
  return l === "de" || l === "sv" ? l : "en";
}
