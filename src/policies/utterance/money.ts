/**
 * Amounts of money written in English, Swedish and German styles: "£12.50", "1,197 SEK",
 * "1 197 kr", "399:-", "1.197,00 €", "30 euros". Ambiguous symbols (`kr`, `$`) are resolved
 * against the currencies the decision uses. Expects lower-cased text.
 */
import type { Range } from "./text.js";

export interface MoneyMention extends Range {
  amount: number;
  /** ISO code, or `KR` / `$` when ambiguous until resolved. */
  currency: string;
}

const NUMBER = String.raw`\d{1,3}(?:[ .,]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?`;
const BEFORE = String.raw`us\$|£|€|\$|sek|eur|gbp|usd|nok|dkk|chf`;
const AFTER = String.raw`sek|eur|gbp|usd|nok|dkk|chf|kronor|kr\.?|:-|€|£|euros?|pounds?|dollars?`;
/** An amount with its currency (flags "gu"); `moneyMentions` reads every match. */
export const MONEY = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(?<pre>${BEFORE})\s?(?<n1>${NUMBER})|(?<n2>${NUMBER})\s?(?<post>${AFTER}))(?![\p{L}\p{N}])`,
  "gu",
);

const CODES: Record<string, string> = {
  "£": "GBP",
  pound: "GBP",
  pounds: "GBP",
  "€": "EUR",
  euro: "EUR",
  euros: "EUR",
  us$: "USD",
  dollar: "USD",
  dollars: "USD",
  $: "$",
  kr: "KR",
  "kr.": "KR",
  kronor: "KR",
  ":-": "KR",
};

/** "1,197" → 1197; "12,50" → 12.5; "1.197,00" → 1197; "1 197" → 1197. */
export function parseAmount(raw: string): number {
  const s = raw.replace(/\s/g, " ");
  const last = Math.max(s.lastIndexOf("."), s.lastIndexOf(","));
  const decimals = last >= 0 && s.length - last - 1 <= 2 ? s.slice(last + 1) : "";
  const whole = (decimals === "" ? s : s.slice(0, last)).replace(/[ .,]/g, "");
  return Number(decimals === "" ? whole : `${whole}.${decimals}`);
}

/** Every amount of money in `text`, in order. */
export function moneyMentions(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m !== null; m = MONEY.exec(text)) {
    const g = m.groups ?? {};
    const symbol = (g.pre ?? g.post ?? "").toLowerCase();
    const amount = parseAmount(g.n1 ?? g.n2 ?? "");
    if (!Number.isFinite(amount)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      amount,
      currency: CODES[symbol] ?? symbol.toUpperCase(),
    });
  }
  return out;
}

const KRONA = ["SEK", "NOK", "DKK"];
const DOLLAR = ["USD", "CAD", "AUD", "NZD"];

/** Resolves `KR` and `$` to the one matching currency of the decision, else SEK / USD. */
export function resolveCurrency(currency: string, decisionCurrencies: readonly string[]): string {
  const family = currency === "KR" ? KRONA : currency === "$" ? DOLLAR : undefined;
  if (!family) return currency;
  const candidates = decisionCurrencies.filter((c) => family.includes(c));
  return candidates.length === 1 ? candidates[0]! : family[0]!;
}

export const sameAmount = (a: number, b: number): boolean => Math.abs(a - b) < 0.005;
