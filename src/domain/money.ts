/** Money arithmetic and wording: amounts are rounded to cents, never negative when owed. */

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

/** `£1,234.50`, `€12.00`, `$5.00`, `399.00 SEK`. */
export function formatMoney(amount: number, currency: string): string {
  const symbol = SYMBOLS[currency];
  const text = grouped(roundMoney(amount));
  if (symbol === undefined) return `${text} ${currency}`;
  return text.startsWith("-") ? `-${symbol}${text.slice(1)}` : `${symbol}${text}`;
}

/** `£12.00 and 399.00 SEK`; `nothing` when every amount is zero. */
export function formatTotals(totals: readonly { currency: string; amount: number }[]): string {
  const due: string[] = [];
  for (const t of totals) if (t.amount !== 0) due.push(formatMoney(t.amount, t.currency));
  if (due.length === 0) return "nothing";
  if (due.length === 1) return due[0]!;
  return `${due.slice(0, -1).join(", ")} and ${due.at(-1)}`;
}

/** Adds `amount` to the running total of `currency`. */
export function addToTotals(totals: Map<string, number>, currency: string, amount: number): void {
  totals.set(currency, roundMoney((totals.get(currency) ?? 0) + amount));
}
