/**
 * The functions policy expressions can call, in one table: registered with the CEL library
 * (every `number` parameter as both `int` and `double`).
 */
import { type Coverage, isCovered, type ServiceKind } from "../../domain/customer.js";
import {
  addDays,
  addHours,
  addMonths,
  daysBetween,
  endOfDay,
  longDate,
  longInstant,
  monthsBetween,
  workingDaysAfter,
} from "../../domain/dates.js";
import type { Language } from "../../domain/language.js";
import { formatMoney, formatTotals, roundMoney } from "../../domain/money.js";

export type ParamKind = "number" | "string" | "list" | "map";

export interface PolicyFunction {
  name: string;
  params: readonly ParamKind[];
  /** The CEL result type. */
  returns: "double" | "string" | "bool";
  /** Numbers arrive as JS numbers. */
  fn: (...args: never[]) => unknown;
  /** One line for the docs' cheat-sheet. */
  doc: string;
  /**
   * Reads the decision's coverage table, which the runtime passes as one more argument after
   * those the policy writes (`fn(...args, coverage)`); never folded into a constant at load.
   */
  perDecision?: true;
}

/**
 * The hidden variable that carries the decision's coverage table to the `perDecision`
 * functions (set by `decide` from its input; authors cannot name it).
 */
export const COVERAGE_VARIABLE = "__coverage";

/** A map of amounts by currency (a CEL map or a plain object), as `formatTotals` takes it. */
function totalsOf(m: unknown): { currency: string; amount: number }[] {
  const out: { currency: string; amount: number }[] = [];
  if (m instanceof Map)
    for (const [currency, amount] of m) out.push({ currency: String(currency), amount: Number(amount) });
  else {
    const o = m as Record<string, unknown>;
    for (const currency of Object.keys(o)) out.push({ currency, amount: Number(o[currency]) });
  }
  return out;
}

/** The function table (one list, shared: it holds no state). */
export const POLICY_FUNCTIONS: readonly PolicyFunction[] = policyFunctions("en");

/**
 * The function table for texts translated into `language`: the same functions, with amounts
 * and dates (`money`, `moneyTotals`, `longDate`, `longInstant`) written in that language.
 */
export function policyFunctionsIn(language: Language): readonly PolicyFunction[] {
  return language === "en" ? POLICY_FUNCTIONS : policyFunctions(language);
}

function policyFunctions(language: Language): PolicyFunction[] {
  const f = (
    name: string,
    params: ParamKind[],
    returns: PolicyFunction["returns"],
    fn: PolicyFunction["fn"],
    doc: string,
    perDecision?: true,
  ): PolicyFunction => ({ name, params, returns, fn, doc, ...(perDecision ? { perDecision } : {}) });
  return [
    f("min", ["number", "number"], "double", (a: number, b: number) => Math.min(a, b), "the smaller number"),
    f("max", ["number", "number"], "double", (a: number, b: number) => Math.max(a, b), "the larger number"),
    f("round", ["number"], "double", (a: number) => Math.round(a), "to the nearest whole number"),
    f("ceil", ["number"], "double", (a: number) => Math.ceil(a), "up to a whole number"),
    f("floor", ["number"], "double", (a: number) => Math.floor(a), "down to a whole number"),
    f("roundMoney", ["number"], "double", (a: number) => roundMoney(a), "to cents"),
    f(
      "sum",
      ["list"],
      "double",
      (l: unknown[]) => l.reduce<number>((s, v) => s + Number(v), 0),
      "sum of a list of numbers",
    ),
    f(
      "money",
      ["number", "string"],
      "string",
      (a: number, c: string) => formatMoney(a, c, language),
      '`money(12.5, "GBP")` is £12.50',
    ),
    f(
      "moneyTotals",
      ["map"],
      "string",
      (m: unknown) => formatTotals(totalsOf(m), language),
      "`totals` in words: £12.00 and 399.00 SEK",
    ),
    f(
      "addDays",
      ["string", "number"],
      "string",
      (d: string, n: number) => addDays(d, n),
      "a date n days later",
    ),
    f(
      "addMonths",
      ["string", "number"],
      "string",
      (d: string, n: number) => addMonths(d, n),
      "a date n calendar months later",
    ),
    f(
      "addHours",
      ["string", "number"],
      "string",
      (d: string, n: number) => addHours(d, n),
      "an instant n hours later",
    ),
    f(
      "workingDaysAfter",
      ["string", "number"],
      "string",
      (d: string, n: number) => workingDaysAfter(d, n),
      "n weekdays later",
    ),
    f(
      "daysBetween",
      ["string", "string"],
      "double",
      (a: string, b: string) => daysBetween(a, b),
      "days from a to b",
    ),
    f(
      "monthsBetween",
      ["string", "string"],
      "double",
      (a: string, b: string) => monthsBetween(a, b),
      "whole months from a to b",
    ),
    f("endOfDay", ["string"], "string", (d: string) => endOfDay(d), "the last second of a date (UTC)"),
    f("longDate", ["string"], "string", (d: string) => longDate(d, language), "Monday 23 November 2026"),
    f(
      "longInstant",
      ["string"],
      "string",
      (d: string) => longInstant(d, language),
      "23 November 2026 at 10:00 UTC",
    ),
    f(
      "covered",
      ["string", "string", "string"],
      "bool",
      (kind: string, country: string, postcode: string, coverage: Coverage) =>
        isCovered(coverage, country, kind as ServiceKind, postcode),
      "`covered(kind, country, postcode)`: can we serve it there?",
      true,
    ),
    f(
      "locationBound",
      ["string"],
      "bool",
      (kind: string, coverage: Coverage) => coverage.some((a) => a.kind === kind),
      "does this kind of service depend on the address?",
      true,
    ),
  ];
}
