/**
 * Account numbers and postcodes in a message, read from the raw text.
 *
 * Account numbers: letters, digits and dashes, 4-20 characters, at least 3 digits. Taken, in
 * this order, from "account number is X" (also "kundnummer X", "Kundennummer: X"), from the
 * first such token when the bot asked for the account number, or from a token shaped like
 * one (1-4 letters then at least 4 digits: "ACC12345", "UK318826"). Returned upper-case.
 *
 * Postcodes: UK ("SW1A 1AA", also typed without the space; returned with it), Swedish
 * ("169 57"), and five digits (German, US ZIP with optional +4, or Swedish typed without the
 * space: returned as typed, since the country cannot be told). Five digits count as a
 * postcode only when the bot asked for one, a word says so ("postcode", "PLZ", "zip",
 * "postnummer"), an account number comes with it, or the customer is moving. When the bot
 * asked for a postcode and none of the formats match, a short answer with a digit is taken
 * as typed (upper case, single spaces).
 */

import type { Expectation } from "../domain/understanding.js";
import type { Message } from "./message.js";

export interface Identity {
  accountNumber?: string;
  postcode?: string;
  /** Said in so many words ("my account number is …") or given when asked for. */
  explicit: boolean;
}

interface Span {
  start: number;
  end: number;
  value: string;
}

const SPACES = /[\u00a0\u2007\u202f\t]/g;
const UK_POSTCODE = /(?<![A-Za-z0-9])([A-Za-z]{1,2}\d[A-Za-z\d]?) ?(\d[A-Za-z]{2})(?![A-Za-z0-9])/g;
const SE_POSTCODE =
  /(?<![\p{L}\p{N}])(?<!(?:^|[^\p{L}\p{N}])\d{1,3} )(\d{3}) (\d{2})(?![\p{L}\p{N}])(?! \d)/gu;
const FIVE_DIGITS = /(?<![\p{L}\p{N}-])\d{5}(?:-\d{4})?(?![\p{L}\p{N}]|-\d)/gu;
const POSTCODE_WORD = /post ?code|postal code|zip|postnummer|postnr|postleitzahl|\bplz\b/i;
const ACCOUNT_CONTEXT =
  /(?<![\p{L}\p{N}])(?:account|acct|customer|kunden|kund|konto|vertrags|avtals)[\s-]*(?:nummer|number|num|nr|no|id|reference|ref|#)?\.?[\s:#=]*(?:(?:is|was|är|ist|lautet)\s*:?\s*)?(?=(?:[A-Za-z-]*\d){3})([A-Za-z0-9][A-Za-z0-9-]{2,24})/giu;
const TOKEN = /[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*/g;
const ACCOUNT_CHARS = /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)*$/;
const LETTERS_THEN_DIGITS = /^[A-Za-z]{1,4}-?\d{4,16}$/;
const DATE = /^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}-\d{1,2}-\d{2,4})$/;
const BARE_POSTCODE = /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/;

/** Letters, digits and dashes, 4-20 characters, at least 3 digits, not a date. */
export function looksLikeAccountNumber(token: string): boolean {
  if (token.length < 4 || token.length > 20 || !ACCOUNT_CHARS.test(token) || DATE.test(token)) return false;
  let digits = 0;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  return digits >= 3;
}

const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;

function formattedPostcodes(raw: string): Span[] {
  const out: Span[] = [];
  for (const m of raw.matchAll(UK_POSTCODE)) {
    const value = `${m[1]} ${m[2]}`.toUpperCase();
    out.push({ start: m.index, end: m.index + m[0].length, value });
  }
  for (const m of raw.matchAll(SE_POSTCODE)) {
    out.push({ start: m.index, end: m.index + m[0].length, value: `${m[1]} ${m[2]}` });
  }
  return out.sort((a, b) => a.start - b.start);
}

function explicitAccount(raw: string, taken: Span[]): Span | undefined {
  for (const m of raw.matchAll(ACCOUNT_CONTEXT)) {
    const token = (m[1] ?? "").replace(/-+$/, "");
    const start = m.index + m[0].length - (m[1]?.length ?? 0);
    const span = { start, end: start + token.length, value: token.toUpperCase() };
    if (looksLikeAccountNumber(token) && !taken.some((t) => overlaps(t, span))) return span;
  }
  return undefined;
}

function firstToken(raw: string, taken: Span[], accept: (token: string) => boolean): Span | undefined {
  for (const m of raw.matchAll(TOKEN)) {
    const span = { start: m.index, end: m.index + m[0].length, value: m[0].toUpperCase() };
    if (accept(m[0]) && !taken.some((t) => overlaps(t, span))) return span;
  }
  return undefined;
}

function fiveDigits(raw: string, taken: Span[]): Span | undefined {
  for (const m of raw.matchAll(FIVE_DIGITS)) {
    const span = { start: m.index, end: m.index + m[0].length, value: m[0] };
    if (!taken.some((t) => overlaps(t, span))) return span;
  }
  return undefined;
}

const DIGIT = /\d/;

export function extractIdentity(message: Message, expecting: Expectation, moving: boolean): Identity {
  if (!DIGIT.test(message.raw)) return { explicit: false };
  const raw = message.raw.replace(SPACES, " ");
  const wantsPostcode = expecting === "postcode" || expecting === "new_postcode";
  const formatted = formattedPostcodes(raw);

  let explicit = true;
  let account = explicitAccount(raw, formatted);
  if (!account && expecting === "account_number")
    account = firstToken(raw, formatted, looksLikeAccountNumber);
  if (!account) {
    explicit = false;
    account = firstToken(raw, formatted, (t) => LETTERS_THEN_DIGITS.test(t) && looksLikeAccountNumber(t));
  }

  let postcode = formatted[0]?.value;
  if (postcode === undefined && (wantsPostcode || account || moving || POSTCODE_WORD.test(raw))) {
    postcode = fiveDigits(raw, account ? [account] : [])?.value;
  }
  if (postcode === undefined && wantsPostcode && !account) {
    const bare = raw.replace(/[.!]+$/, "").trim();
    if (BARE_POSTCODE.test(bare) && /\d/.test(bare)) postcode = bare.toUpperCase().replace(/[ ]+/g, " ");
  }
  if (postcode !== undefined && wantsPostcode) explicit = true;

  return {
    ...(account ? { accountNumber: account.value } : {}),
    ...(postcode !== undefined ? { postcode } : {}),
    explicit,
  };
}
