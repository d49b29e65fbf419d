/**
 * The facts a reworded message must keep: every token with a digit (amounts with their
 * currency, dates, times, percentages, codes such as ABC123456) and every month named in a
 * date ("15 December 2026", "3. Januar"). A rewording is acceptable only when it carries
 * exactly the facts of its template: none dropped, none changed, none added. Comparison is
 * strict on purpose ("£45" for "£45.00" is a change): when in doubt, the template is sent.
 *
 * @example
 * import { compareFacts } from "./factTokens.js";
 * compareFacts("Your fee is £45.00, due 15 December 2026.", "The fee of £45.00 is due on 15 December 2026.");
 * // { same: true, missing: [], added: [] }
 * compareFacts("Your fee is £45.00.", "There is a small fee.");
 * // { same: false, missing: ["£45.00"], added: [] }
 */

const CURRENCY_PREFIX = String.raw`(?:[£$€¥]\s?|(?:SEK|EUR|GBP|USD|CHF|NOK|DKK)\s)`;
const CURRENCY_SUFFIX = String.raw`(?:\s?[£$€%]|\s(?:kr|kronor|SEK|EUR|GBP|USD|CHF|NOK|DKK|euros?|Euro|pence|p)(?![\p{L}\p{N}]))`;
/** Letters glued before a digit belong to the token (ABC123456); after a digit too (5G, 3rd, 10am). */
const PLAIN = String.raw`\p{L}*\d[\p{L}\p{N}]*(?:[.,:/\-–]\d[\p{L}\p{N}]*)*`;
/** Thousands written with spaces (1 299 kr, 12 345,50 €) are one number. */
const SPACED_THOUSANDS = String.raw`\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?![\p{L}\p{N}])`;
const CORE = `(?:${SPACED_THOUSANDS}|${PLAIN})`;
const TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:${CURRENCY_PREFIX})?${CORE}(?:${CURRENCY_SUFFIX})?`,
  "giu",
);

const MONTHS: Readonly<Record<string, number>> = Object.fromEntries(
  [
    ["january", "januari", "januar", "jänner", "jan"],
    ["february", "februari", "februar", "feb"],
    ["march", "mars", "märz", "mar"],
    ["april", "apr"],
    ["may", "maj", "mai"],
    ["june", "juni", "jun"],
    ["july", "juli", "jul"],
    ["august", "augusti", "aug"],
    ["september", "sept", "sep"],
    ["october", "oktober", "oct", "okt"],
    ["november", "nov"],
    ["december", "dezember", "dec", "dez"],
  ].flatMap((names, i) => names.map((n) => [n, i + 1] as const)),
);
const MONTH_NAMES = Object.keys(MONTHS)
  .sort((a, b) => b.length - a.length)
  .join("|");
/** A month next to a day or a year: "15 December", "December 15", "3. Januar", "May 2027". */
const MONTH_IN_DATE = new RegExp(
  String.raw`(?<=\d\.?\s{1,2})(${MONTH_NAMES})\.?(?![\p{L}])|(?<![\p{L}])(${MONTH_NAMES})\.?(?=\s{1,2}\d)`,
  "giu",
);

/** The facts of `text`, normalised (lower case, no spaces), in order of appearance, each once. */
export function factTokens(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(TOKEN)) out.add(m[0].replace(/[\s\u00a0\u202f]+/g, "").toLowerCase());
  for (const m of text.matchAll(MONTH_IN_DATE)) {
    const month = MONTHS[(m[1] ?? m[2] ?? "").toLowerCase()];
    if (month !== undefined) out.add(`month:${month}`);
  }
  return [...out];
}

export interface FactComparison {
  same: boolean;
  /** Facts of the template the candidate lacks. */
  missing: string[];
  /** Facts in the candidate the template does not have. */
  added: string[];
}

/** Whether `candidate` states exactly the facts of `template`. */
export function compareFacts(template: string, candidate: string): FactComparison {
  const want = factTokens(template);
  const got = factTokens(candidate);
  const missing = want.filter((t) => !got.includes(t));
  const added = got.filter((t) => !want.includes(t));
  return { same: missing.length === 0 && added.length === 0, missing, added };
}
