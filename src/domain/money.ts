/**
 * Money arithmetic and wording: amounts are rounded to cents, never negative when owed. Amounts
 * are written in the customer's language: English as `£1,234.50`, German as `1.234,50 €`,
 * Swedish as `6 732 kr` (`6 732,50 kr` with öre). Spaces are plain spaces, so the text reads
 * the same in every channel and the utterance checker reads it back.
 */
import type { Language } from "./language.js";

/** Rounds to two decimals, halves away from zero. */
export function roundMoney(amount: number): number {
  const cents = Math.round(Math.abs(amount) * 100 + 1e-7);
  return (Math.sign(amount) * cents) / 100 || 0;
}

const SYMBOLS: Record<string, string> = { GBP: "£", EUR: "€", USD: "$" };

/**
 * `abs.toFixed(2)` for an amount already rounded to cents. Below a billion the cents are
 * exact in floating point, so they are written out directly (toFixed is slow); above, toFixed.
 */
function twoDecimals(abs: number): string {
  if (!(abs < 1e9)) return abs.toFixed(2);
  const cents = Math.round(abs * 100);
  const whole = Math.floor(cents / 100);
  const c = cents - whole * 100;
  return `${whole}.${c < 10 ? "0" : ""}${c}`;
}

function grouped(amount: number): string {
  const fixed = twoDecimals(Math.abs(amount));
  const sign = amount < 0 ? "-" : "";
  if (fixed.length <= 6) return sign + fixed;
  const whole = fixed.slice(0, -3);
  return `${sign}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}${fixed.slice(-3)}`;
}

const INTL_LOCALE: Record<Exclude<Language, "en">, string> = { de: "de-DE", sv: "sv-SE" };
const formatters = new Map<string, Intl.NumberFormat>();

/** `Intl` in German or Swedish; whole Swedish amounts without öre (`6 732 kr`). */
function formatIntl(amount: number, currency: string, language: Exclude<Language, "en">): string {
  const rounded = roundMoney(amount);
  const whole = language === "sv" && Number.isInteger(rounded);
  const key = `${language}:${currency}:${whole}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL_LOCALE[language], {
      style: "currency",
      currency,
      ...(whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {}),
    });
    formatters.set(key, f);
  }
  return f
    .format(rounded)
    .replace(/[\u00a0\u202f]/g, " ")
    .replace(/\u2212/g, "-");
}

/**
 * `£1,234.50`, `€12.00`, `$5.00`, `399.00 SEK` in English; `1.234,50 €` in German; `6 732 kr`
 * in Swedish.
 */
export function formatMoney(amount: number, currency: string, language: Language = "en"): string {
  if (language !== "en") return formatIntl(amount, currency, language);
  const symbol = SYMBOLS[currency];
  const text = grouped(roundMoney(amount));
  if (symbol === undefined) return `${text} ${currency}`;
  return text.startsWith("-") ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}

const NOTHING: Record<Language, string> = { en: "nothing", de: "nichts", sv: "ingenting" };
const AND: Record<Language, string> = { en: "and", de: "und", sv: "och" };

/** `£12.00 and 399.00 SEK`; `nothing` (`nichts`, `ingenting`) when every amount is zero. */
export function formatTotals(
  totals: readonly { currency: string; amount: number }[],
  language: Language = "en",
): string {
  const due: string[] = [];
  for (const t of totals) if (t.amount !== 0) due.push(formatMoney(t.amount, t.currency, language));
  if (due.length === 0) return NOTHING[language];
  if (due.length === 1) return due[0]!;
  return `${due.slice(0, -1).join(", ")} ${AND[language]} ${due.at(-1)}`;
}

/** Adds `amount` to the running total of `currency`. */
export function addToTotals(totals: Map<string, number>, currency: string, amount: number): void {
  totals.set(currency, roundMoney((totals.get(currency) ?? 0) + amount));
}
