/**
 * Replaces personal data in text bound for an LLM with numbered placeholders such as
 * `[EMAIL_1]`, `[PHONE_1]`, `[POSTCODE_1]`, `[ACCOUNT_1]`, `[IMEI_1]`, `[CARD_1]` and
 * `[NAME_1]`, so that no prompt carries it. A redactor remembers what each placeholder stood
 * for, so a reworded template can be restored before it is sent to the customer.
 *
 * Detection leans towards redacting too much: a five-digit number may be a German or US
 * postcode, a run of six digits may be an account number, and a customer's name is matched in
 * any case (a customer called Bill also redacts "bill"). Dates, times, amounts with a currency
 * and short numbers are left alone.
 *
 * @example
 * import { createRedactor, redactForLlm } from "./redactForLlm.js";
 * redactForLlm("I'm Anna, anna@example.com, SW1A 1AA", ["Anna Svensson"]);
 * // "I'm [NAME_1], [EMAIL_1], [POSTCODE_1]"
 * const r = createRedactor({ names: ["Anna"] });
 * r.restore(r.redact("Hi Anna")); // "Hi Anna"
 */

import { luhnValid } from "../domain/paymentDetails.js";

export type PiiKind = "EMAIL" | "CARD" | "IMEI" | "PHONE" | "POSTCODE" | "ACCOUNT" | "NAME";

/** A placeholder this module writes (global: use with `match`/`replace`, not `test`). */
export const PLACEHOLDER = /\[(?:EMAIL|CARD|IMEI|PHONE|POSTCODE|ACCOUNT|NAME)_\d+\]/g;

/** The placeholders in `text`, in order. */
export const placeholdersIn = (text: string): string[] => text.match(PLACEHOLDER) ?? [];

export interface RedactorOptions {
  /** Names of the people concerned (customer, account holder …): each whole name and each part. */
  names?: readonly string[];
}

export interface Redactor {
  /** `text` with personal data replaced; the same value always gets the same placeholder. */
  redact(text: string): string;
  /** Puts back what this redactor's placeholders stood for; other bracketed text is left as is. */
  restore(text: string): string;
}

/** One pass of `redactForLlm`, with a redactor the caller does not need. */
export function redactForLlm(text: string, names: readonly string[] = []): string {
  return createRedactor({ names }).redact(text);
}

/** A redactor for one exchange with an LLM (one prompt and its answer). */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  const byValue = new Map<string, string>();
  const byPlaceholder = new Map<string, string>();
  const counts = new Map<PiiKind, number>();
  const reserved = new Set<string>();
  const names = nameMatcher(options.names ?? []);

  const placeholder = (kind: PiiKind, value: string): string => {
    const key = `${kind}\u0000${value}`;
    const known = byValue.get(key);
    if (known) return known;
    let n = counts.get(kind) ?? 0;
    let p: string;
    do p = `[${kind}_${++n}]`;
    while (reserved.has(p));
    counts.set(kind, n);
    byValue.set(key, p);
    byPlaceholder.set(p, value);
    return p;
  };

  return {
    redact(text) {
      // Bracketed look-alikes already in the text must never be restored to someone's data.
      for (const p of placeholdersIn(text)) reserved.add(p);
      let out = text;
      for (const detector of DETECTORS) out = detector(out, placeholder);
      if (names) out = out.replace(names, (m) => placeholder("NAME", m));
      return out;
    },
    restore(text) {
      return text.replace(PLACEHOLDER, (p) => byPlaceholder.get(p) ?? p);
    },
  };
}

type Replace = (kind: PiiKind, value: string) => string;
type Detector = (text: string, replace: Replace) => string;

const NOT_AFTER = String.raw`(?<![\p{L}\p{N}_])`;
const NOT_BEFORE = String.raw`(?![\p{L}\p{N}_])`;
const rx = (source: string, flags = "gu") => new RegExp(`${NOT_AFTER}${source}${NOT_BEFORE}`, flags);

const digitsOf = (s: string): string => s.replace(/\D/g, "");

const DATE_SHAPES = [
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/,
  /^\d{1,2}-\d{1,2}-\d{4}$/,
  /^\d{1,2} \d{1,2} \d{4}$/,
];
const looksLikeDate = (s: string) => DATE_SHAPES.some((re) => re.test(s));

const CURRENCY_BEFORE = /(?:[£$€¥]|\b(?:SEK|EUR|GBP|USD|kr))\s?$/i;
const CURRENCY_AFTER =
  /^(?:[.,]\d|\s?(?:[£$€%]|kr\b|kronor\b|SEK\b|EUR\b|GBP\b|USD\b|euros?\b|pounds?\b|dollars?\b))/i;
const isAmount = (text: string, start: number, end: number): boolean =>
  CURRENCY_BEFORE.test(text.slice(Math.max(0, start - 5), start)) ||
  CURRENCY_AFTER.test(text.slice(end, end + 8));

/** What to replace in a match: its kind and, when only a prefix of the match is personal data, how much. */
type Hit = PiiKind | { kind: PiiKind; length: number } | undefined;

/** Replaces each match of `re` that `accept` returns a kind for (or the prefix it names). */
const detector =
  (re: RegExp, accept: (match: string, text: string, start: number) => Hit): Detector =>
  (text, replace) =>
    text.replace(re, (m: string, ...rest: unknown[]) => {
      const start = rest.find((x) => typeof x === "number") as number;
      const hit = accept(m, text, start);
      if (hit === undefined) return m;
      if (typeof hit === "string") return replace(hit, m);
      return replace(hit.kind, m.slice(0, hit.length)) + m.slice(hit.length);
    });

/** Lengths of the prefixes of `m` that end on a digit at a group boundary, longest first. */
function groupPrefixes(m: string): number[] {
  const out: number[] = [];
  for (let i = m.length; i > 0; i--)
    if (/\d/.test(m[i - 1] ?? "") && (i === m.length || /[\s.\-/()]/.test(m[i] ?? ""))) out.push(i);
  return out;
}

/** The longest group-boundary prefix whose digits pass `ok`, as a hit of `kind`. */
function longestPrefix(m: string, kind: PiiKind, ok: (prefix: string) => boolean): Hit {
  for (const length of groupPrefixes(m)) {
    const prefix = m.slice(0, length);
    if (ok(prefix)) return length === m.length ? kind : { kind, length };
  }
  return undefined;
}

/** Bounded parts (local part 64, labels 63) keep the scan linear on long text. */
const EMAIL_PATTERN =
  /[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,8}\.\p{L}{2,24}/gu;
const EMAIL: Detector = (text, replace) =>
  text.includes("@") ? detector(EMAIL_PATTERN, () => "EMAIL")(text, replace) : text;

/** IBAN, e.g. SE45 5000 0000 0583 9825 7466 or GB29NWBK60161331926819 (checksum, or many digits). */
const IBAN = detector(
  rx(String.raw`[a-z]{2}\d{2} ?[a-z\d]{4}(?: ?(?=[a-z]{0,3}\d)[a-z\d]{4}){1,6}(?: ?\d{1,3})?`, "giu"),
  (m) => (ibanValid(m) || digitsOf(m).length >= 10 ? "ACCOUNT" : undefined),
);

function ibanValid(m: string): boolean {
  const compact = m.replace(/ /g, "").toUpperCase();
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const ch of rearranged) {
    const v = /\d/.test(ch) ? ch : String(ch.charCodeAt(0) - 55);
    for (const digit of v) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

/** 13–19 digits, single spaces or hyphens between. */
const LONG_DIGIT_RUN = rx(String.raw`(?<!\+)\d(?:[ -]?\d){12,18}`);

/** A payment card or (15 digits) an IMEI: a long digit run whose Luhn checksum holds. */
const CARD_OR_IMEI = detector(LONG_DIGIT_RUN, (m) => {
  const valid = (p: string) => {
    const d = digitsOf(p);
    return d.length >= 13 && luhnValid(d);
  };
  const hit = longestPrefix(m, "CARD", valid);
  if (hit === undefined) return undefined;
  const d = digitsOf(typeof hit === "string" ? m : m.slice(0, hit.length));
  if (d.length !== 15 || /^3[47]/.test(d)) return hit;
  return typeof hit === "string" ? "IMEI" : { ...hit, kind: "IMEI" };
});

/** Any other long digit run (a mistyped card, an IMEI with a typo, a bank account): redacted too. */
const OTHER_DIGIT_RUN = detector(LONG_DIGIT_RUN, () => "ACCOUNT");

const phone = (min: number, max: number) => (m: string) =>
  longestPrefix(m, "PHONE", (p) => {
    const n = digitsOf(p).length;
    return n >= min && n <= max && !looksLikeDate(p.trim());
  });

/** +44 7700 900123, 0046 70-123 45 67, +1 (555) 123-4567, +49 (0)30 1234567. */
const PHONE_INTERNATIONAL = detector(
  /(?<![\p{L}\p{N}_+.,:/-])(?:\+|\b00)\d{1,3}(?:[ .-]?\(0\))?(?:[ .-]?\(?\d{1,12}\)?){1,6}/gu,
  phone(8, 15),
);
/** 07700 900123, 020 7946 0958, 070-123 45 67, 08-123 456 78, 030/1234567, 0701234567. */
const PHONE_NATIONAL = detector(
  /(?<![\p{L}\p{N}_+.,:/-])0\d{1,4}(?:[ \-/]?\d{2,10}){1,4}(?![\p{L}\p{N}_]|[.,:]\d)/gu,
  phone(8, 13),
);
/** (555) 123-4567, 555-123-4567, 555.123.4567, 1-555-123-4567. */
const PHONE_US = detector(
  rx(String.raw`(?:\+?1[ .\-]?)?(?:\(\d{3}\)[ .\-]?|\d{3}[ .\-])\d{3}[ .\-]\d{4}`),
  () => "PHONE",
);

/** UK: SW1A 1AA, M1 1AE, b33 8th (any case, space optional). */
const POSTCODE_UK = detector(
  rx(String.raw`[a-z]{1,2}\d[a-z\d]? ?\d[abd-hjlnp-uw-z]{2}`, "giu"),
  () => "POSTCODE",
);
/** Sweden: 123 45, SE-123 45. */
const POSTCODE_SE = detector(rx(String.raw`(?:SE-? ?)?\d{3} \d{2}`, "giu"), (m, text, start) =>
  isAmount(text, start, start + m.length) ? undefined : "POSTCODE",
);
/** Germany and the US: 10115, D-10115, 90210, 90210-1234 (not an amount, not part of a decimal). */
const POSTCODE_DE_US = detector(
  /(?<![\p{L}\p{N}_.,:/-])(?:D-)?\d{5}(?:-\d{4})?(?![\p{L}\p{N}_]|[.,:/]\d)/gu,
  (m, text, start) => (isAmount(text, start, start + m.length) ? undefined : "POSTCODE"),
);

/**
 * Account-number-like tokens: letters, digits, hyphens and slashes with at least six digits
 * (12345678, ACC-00123456, SE45 5000 … as one IBAN part), or at least four digits mixed with
 * letters in six or more characters (AB1234). Dates and amounts are not.
 */
const ACCOUNT = detector(rx(String.raw`[\p{L}\p{N}]+(?:[\-/][\p{L}\p{N}]+)*`), (m, text, start) => {
  const digits = digitsOf(m).length;
  const accountLike = digits >= 6 || (digits >= 4 && /\p{L}/u.test(m) && m.replace(/[-/]/g, "").length >= 6);
  if (!accountLike || looksLikeDate(m) || isAmount(text, start, start + m.length)) return undefined;
  return "ACCOUNT";
});

/** In order: later detectors never see what earlier ones replaced. */
const DETECTORS: readonly Detector[] = [
  EMAIL,
  IBAN,
  CARD_OR_IMEI,
  PHONE_INTERNATIONAL,
  PHONE_US,
  PHONE_NATIONAL,
  OTHER_DIGIT_RUN,
  POSTCODE_UK,
  POSTCODE_SE,
  POSTCODE_DE_US,
  ACCOUNT,
];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** One regex for every name and each part of it (longest first), whole words, any case. */
function nameMatcher(names: readonly string[]): RegExp | undefined {
  const variants = new Set<string>();
  for (const name of names) {
    const whole = name.trim().replace(/\s+/g, " ");
    if (whole.length >= 2) variants.add(whole);
    for (const part of [...whole.split(" "), ...whole.split(/[\s-]+/)])
      if (part.length >= 2) variants.add(part);
  }
  if (variants.size === 0) return undefined;
  const alternatives = [...variants]
    .sort((a, b) => b.length - a.length)
    .map((v) => escapeRegExp(v).replace(/ /g, "\\s+"));
  return rx(`(?:${alternatives.join("|")})`, "giu");
}
