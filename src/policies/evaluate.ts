/**
 * Running compiled expressions inside `decide` without ever throwing: an evaluation error is
 * a value (the rule does not match, the trace says why). Each result carries a plain-words
 * `why` naming the condition and the values it read.
 */
import type { CompiledExpr, CompiledTemplate } from "./cel/expression.js";

export type Vars = Readonly<Record<string, unknown>>;

/** True when JSON would write `s` as is between quotes (no quote, backslash or control character). */
function plainText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 32 || c === 34 || c === 92) return false;
  }
  return true;
}

/** A short, readable rendering of a value for the trace. */
export function show(value: unknown): string {
  if (value === undefined) return "missing";
  if (value === null) return "null";
  if (typeof value === "string") {
    const short = value.length > 40 ? `${value.slice(0, 37)}...` : value;
    return plainText(short) ? `"${short}"` : JSON.stringify(short);
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (typeof value === "bigint") return value.toString();
  if (Array.isArray(value))
    return value.length === 0 ? "[]" : `[${value.length} item${value.length === 1 ? "" : "s"}]`;
  return "{...}";
}

function read(vars: Vars, path: readonly string[]): unknown {
  let cur: unknown = vars;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** `facts.months_left = 9, service.kind = "mobile"` for the paths `expr` reads. */
export function valuesSeen(expr: CompiledExpr, vars: Vars): string {
  let out = "";
  const reads = expr.reads;
  for (let i = 0; i < reads.length; i++) {
    if (i === 4) return `${out}, ...`;
    const path = reads[i]!;
    out += `${i === 0 ? "" : ", "}${expr.readLabels[i]} = ${show(read(vars, path))}`;
  }
  return out;
}

function message(e: unknown): string {
  return String((e as Error)?.message ?? e).split("\n")[0]!;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

/** Converts CEL ints (bigint) to numbers, deeply for lists and maps. */
export function plain(value: unknown): unknown {
  if (typeof value === "bigint") return Number(value);
  if (Array.isArray(value)) {
    for (const v of value)
      if (typeof v === "bigint" || v instanceof Map || Array.isArray(v)) return value.map(plain);
    return value;
  }
  if (value instanceof Map) return Object.fromEntries([...value].map(([k, v]) => [String(k), plain(v)]));
  return value;
}

/** Evaluates `expr`; never throws. */
export function evaluate(expr: CompiledExpr, vars: Vars): Outcome<unknown> {
  if (expr.constant) return { ok: true, value: plain(expr.constant.value) };
  try {
    return { ok: true, value: plain(expr.evaluate(vars)) };
  } catch (e) {
    return { ok: false, error: `\`${expr.source}\` could not be evaluated: ${message(e)}` };
  }
}

/** Evaluates a number; an error, a non-number or NaN is a failure. */
export function evaluateNumber(expr: CompiledExpr, vars: Vars): Outcome<number> {
  const r = evaluate(expr, vars);
  if (!r.ok) return r;
  if (typeof r.value !== "number" || !Number.isFinite(r.value))
    return { ok: false, error: `\`${expr.source}\` gave ${show(r.value)}, not a number` };
  return { ok: true, value: r.value };
}

export interface Test {
  matched: boolean;
  /** Why, in plain words: the condition and the values it read. */
  why: string;
}

const ALWAYS: Test = { matched: true, why: "always applies" };

/** Tests a rule's `when`; absent means always. */
export function test(when: CompiledExpr | undefined, vars: Vars): Test {
  if (!when) return ALWAYS;
  if (when.constant) {
    const value = when.constant.value;
    return { matched: value === true, why: `\`${when.display}\` is always ${String(value)}` };
  }
  let value: unknown;
  try {
    value = when.evaluate(vars);
  } catch (e) {
    return {
      matched: false,
      why: `\`${when.display}\` could not be evaluated (${message(e)}): treated as false`,
    };
  }
  const seen = valuesSeen(when, vars);
  if (typeof value !== "boolean")
    return { matched: false, why: `\`${when.display}\` gave ${show(value)}, not true or false (${seen})` };
  return {
    matched: value,
    why: seen === "" ? `\`${when.display}\` is ${value}` : `\`${when.display}\` is ${value} (${seen})`,
  };
}

function text(value: unknown): string {
  const v = plain(value);
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
  if (Array.isArray(v)) return v.map(text).join(", ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

export const UNAVAILABLE = "[unavailable]";

/**
 * Renders a template. A placeholder that cannot be evaluated renders as `[unavailable]` and
 * is reported to `onError`, so a case test or the trace shows it.
 */
export function render(template: CompiledTemplate, vars: Vars, onError?: (error: string) => void): string {
  let out = "";
  for (const part of template.parts) {
    if (!part.expr) {
      out += part.text;
      continue;
    }
    const r = evaluate(part.expr, vars);
    if (r.ok) out += text(r.value);
    else {
      out += UNAVAILABLE;
      onError?.(r.error);
    }
  }
  return out;
}
