/**
 * Names a customer gives for themselves or someone else in a message ("I'm Chloe Adeyemi",
 * "my name is …", "this is …", "on behalf of …", "Chloe here", "regards, …", "jag heter …",
 * "ich heiße …"), so they can be redacted before the message goes to an LLM even when the
 * account is not known yet (before identification), or the writer is not the account holder.
 * Only capitalised words count ("I'm done" names no one); a name written in lower case is
 * not found, which is why the account's own names are redacted as well once it is known.
 *
 * @example
 * import { introducedNames } from "./introducedNames.js";
 * introducedNames("Hi, I'm Chloe Adeyemi and I want out"); // ["Chloe Adeyemi"]
 * introducedNames("I'm done with you lot"); // []
 */

const NAME = String.raw`\p{Lu}[\p{L}'’]+(?:-\p{Lu}[\p{L}'’]+)?`;
const NAMES = String.raw`(${NAME}(?:\s+${NAME}){0,3})`;
const BEFORE = [
  "I'?m",
  "I am",
  "my name is",
  "my name's",
  "name's",
  "this is",
  "it's",
  "on behalf of",
  "my (?:late )?(?:husband|wife|partner|mother|father|mum|dad|son|daughter)",
  "regards,?",
  "thanks,",
  "cheers,",
  "jag heter",
  "jag är",
  "hälsningar,?",
  "mvh,?",
  "ich heiße",
  "ich bin",
  "mein name ist",
  "hier ist",
  "grüße,?",
  "gruß,?",
];
/** The first letter of each lead-in in either case; the name itself must be capitalised (so no `i` flag). */
const either = (p: string) => `[${p[0]?.toLowerCase()}${p[0]?.toUpperCase()}]${p.slice(1)}`;
const INTRODUCED = new RegExp(String.raw`(?<![\p{L}])(?:${BEFORE.map(either).join("|")})\s+${NAMES}`, "gu");
const HERE = new RegExp(String.raw`(?<![\p{L}])${NAMES}\s+(?:here|hier|här)(?![\p{L}])`, "gu");

/** Words that may follow "I'm"/"this is" capitalised without being a name. */
const NOT_NAMES = new Set([
  "I",
  "Not",
  "So",
  "Sorry",
  "Sure",
  "The",
  "A",
  "An",
  "Just",
  "Very",
  "Really",
  "Done",
]);

/** The names introduced in `text`, each as written, whole (given and family name together). */
export function introducedNames(text: string): string[] {
  const found = new Set<string>();
  for (const re of [INTRODUCED, HERE])
    for (const m of text.matchAll(re)) {
      const words = (m[1] ?? "").split(/\s+/).filter((w) => !NOT_NAMES.has(w));
      if (words.length > 0) found.add(words.join(" "));
    }
  return [...found];
}
