/**
 * National identity numbers a customer types, masked as the message arrives, like card numbers
 * and IBANs (./paymentDetails.ts): FairExit identifies a customer by account number and postcode
 * and never needs one, so none is kept, not even in part: "[identity number]".
 *
 * Each is recognised by its format and, where it has one, its check, so that account numbers
 * (letters then digits), postcodes, phone numbers, IMEIs, dates, amounts and references are left
 * as typed:
 * - UK National Insurance number: two letters (not D, F, I, Q, U or V; the second not O; not
 *   BG, GB, NK, KN, TN, NT or ZZ), six digits, a letter A-D (`AB 12 34 56 C`); a suffix after a
 *   space must be a capital, so "SE204718 a" stays an account number and a word.
 * - Swedish personnummer and samordningsnummer: `YYMMDD-NNNN` (or `+` for 100 years and over)
 *   or `YYYYMMDDNNNN` / `YYYYMMDD-NNNN`, a real date (day + 60 for a samordningsnummer), Luhn
 *   over the ten digits. Ten digits with no separator are a Swedish mobile number as often as not
 *   (0701234567), so they are left alone.
 * - US Social Security number: `AAA-GG-SSSS` with dashes or spaces (area not 000, 666 or 9xx,
 *   group not 00, serial not 0000). Nine digits with no separator are left alone.
 * - German Steuer-ID: eleven digits, the first not 0, one digit of the first ten repeated two
 *   or three times and the others at most once, and the ISO 7064 MOD 11,10 check digit.
 */
import { luhnValid } from "./paymentDetails.js";

export const IDENTITY_NUMBER_MASK = "[identity number]";

const NINO =
  /(?<![\p{L}\p{N}])(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2}(?:[A-D]| [A-D])(?![\p{L}\p{N}])/giu;
const PERSONNUMMER = /(?<![\p{L}\p{N}+-])((?:19|20)?\d{2})(\d{2})(\d{2})([-+]?)(\d{4})(?![\p{L}\p{N}])/gu;
const SSN = /(?<![\p{L}\p{N}-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\p{L}\p{N}-])/gu;
const STEUER_ID = /(?<![\p{L}\p{N}+])[1-9]\d{10}(?![\p{L}\p{N}])/gu;

function validDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function personnummer(century: string, mm: string, dd: string, sep: string, last4: string): boolean {
  const yy = century.slice(-2);
  // Ten digits with nothing between the date and the last four: a phone number as often as not.
  if (century.length === 2 && sep === "") return false;
  const fullYear = century.length === 4 ? Number(century) : 2000 + Number(yy);
  let day = Number(dd);
  if (day > 60) day -= 60; // samordningsnummer
  return validDate(fullYear, Number(mm), day) && luhnValid(`${yy}${mm}${dd}${last4}`);
}

/** ISO 7064 MOD 11,10, the check digit of the German Steuer-ID. */
function steuerIdValid(digits: string): boolean {
  const counts = new Map<string, number>();
  for (const d of digits.slice(0, 10)) counts.set(d, (counts.get(d) ?? 0) + 1);
  const repeated = [...counts.values()].filter((n) => n > 1);
  if (repeated.length !== 1 || repeated[0]! > 3) return false;
  let product = 10;
  for (const d of digits.slice(0, 10)) {
    let sum = (Number(d) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return check === Number(digits[10]);
}

function ssnValid(area: string, group: string, serial: string): boolean {
  return area !== "000" && area !== "666" && area[0] !== "9" && group !== "00" && serial !== "0000";
}

/** `text` with every national identity number replaced by `[identity number]`. */
export function maskNationalIdentityNumbers(text: string): string {
  if (!/\d{2}/.test(text)) return text;
  return text
    .replace(NINO, (m) => (/ [a-d]$/.test(m) ? m : IDENTITY_NUMBER_MASK))
    .replace(PERSONNUMMER, (m, century: string, mm: string, dd: string, sep: string, last4: string) =>
      personnummer(century, mm, dd, sep, last4) ? IDENTITY_NUMBER_MASK : m,
    )
    .replace(SSN, (m, area: string, _sep: string, group: string, serial: string) =>
      ssnValid(area, group, serial) ? IDENTITY_NUMBER_MASK : m,
    )
    .replace(STEUER_ID, (m) => (steuerIdValid(m) ? IDENTITY_NUMBER_MASK : m));
}
