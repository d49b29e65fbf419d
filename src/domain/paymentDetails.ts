/**
 * Card numbers and IBANs a customer types, masked as the message arrives: before it is
 * stored, understood, handed over or sent to an LLM. FairExit never needs them (payments and
 * mandates are the back office's), so only the last four characters are kept, enough for a
 * person to know which card or account the customer meant: "card ending 4242", "IBAN ending 3000".
 *
 * A card number is 13-19 digits, in groups separated by single spaces or dashes or none, that
 * pass the Luhn check; 15 digits count only with an American Express prefix (34, 37), so a
 * handset's IMEI (15 digits, Luhn too) is left as typed. An IBAN is a country code, two check
 * digits and 11-30 letters or digits (spaces allowed) that pass the ISO 13616 mod-97 check.
 * Account numbers (letters then digits) and postcodes match neither.
 *
 * @example
 * maskPaymentDetails("card 4242 4242 4242 4242, IBAN GB82 WEST 1234 5698 7654 32")
 * // "card [card ending 4242], IBAN [IBAN ending 5432]"
 */

/** Where a card number may start, and what may follow it: digits in groups. */
const CARD_START = /(?<![\p{L}\p{N}])\d/gu;
const CARD_BODY = /\d(?:[ -]?\d){12,18}/y;
/** Where an IBAN may start, and what may follow it: letters and digits, single spaces between groups. */
const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;
const IBAN_BODY = /[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/y;
const ALNUM = /[\p{L}\p{N}]/u;

/** The Luhn check (ISO/IEC 7812) of a string of digits: payment cards and IMEIs (false when empty). */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

function looksLikeCard(digits: string): boolean {
  if (digits.length < 13 || digits.length > 19 || !luhnValid(digits)) return false;
  return digits.length !== 15 || digits.startsWith("34") || digits.startsWith("37");
}

/** The ISO 13616 check of an IBAN without spaces: the number mod 97 is 1. */
export function ibanValid(iban: string): boolean {
  const s = iban.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
  const moved = s.slice(4) + s.slice(0, 4);
  let rest = 0;
  for (const ch of moved) {
    const code = ch.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : ch;
    for (const digit of value) rest = (rest * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return rest === 1;
}

/**
 * The longest prefix of `candidate` that `valid` accepts, ending at a group boundary (the end of
 * `candidate`, or before a space or dash) and not followed by a letter or digit: its length, or 0.
 */
function longestValid(candidate: string, next: string, valid: (compact: string) => boolean): number {
  let compact = "";
  let best = 0;
  for (let i = 0; i < candidate.length; i++) {
    const ch = candidate[i]!;
    if (ch === " " || ch === "-") continue;
    compact += ch;
    const following = i + 1 < candidate.length ? candidate[i + 1]! : next;
    if ((following === "" || !ALNUM.test(following)) && valid(compact)) best = i + 1;
  }
  return best;
}

/** Replaces each span from a `start` match whose `body` has a valid prefix. */
function maskSpans(
  text: string,
  start: RegExp,
  body: RegExp,
  valid: (compact: string) => boolean,
  label: (compact: string) => string,
): string {
  let out = "";
  let copied = 0;
  start.lastIndex = 0;
  for (let m = start.exec(text); m !== null; m = start.exec(text)) {
    body.lastIndex = m.index;
    const candidate = body.exec(text)?.[0];
    const length = candidate ? longestValid(candidate, text[m.index + candidate.length] ?? "", valid) : 0;
    if (length === 0) continue;
    const compact = text.slice(m.index, m.index + length).replace(/[ -]/g, "");
    out += text.slice(copied, m.index) + label(compact);
    copied = m.index + length;
    start.lastIndex = copied;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** `text` with every card number and IBAN replaced by its last four characters. */
export function maskPaymentDetails(text: string): string {
  const cards = maskSpans(text, CARD_START, CARD_BODY, looksLikeCard, (d) => `[card ending ${d.slice(-4)}]`);
  return maskSpans(
    cards,
    IBAN_START,
    IBAN_BODY,
    (s) => s.length >= 15 && ibanValid(s),
    (s) => `[IBAN ending ${s.slice(-4).toUpperCase()}]`,
  );
}
