/**
 * Running compiled expressions inside `decide` without ever throwing: an evaluation error is
 * a value (the rule does not match, the trace says why). A tested condition is recorded with
 * what it gave and snapshots of the values it read, so the trace can name them later.
 */
import { type CompiledExpr, type CompiledTemplate, SHOWN_READS } from "./cel/expression.js";
import type { CompiledText } from "./compiledPolicy.js";
import { LANGUAGE_VARIABLE } from "./scope.js";
import { conditionRecord, note, show, snapshot, type TraceRecord } from "./trace.js";

export type Vars = Readonly<Record<string, unknown>>;

function read(vars: Vars, path: readonly string[]): unknown {
  let cur: unknown = vars;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

/** Snapshots of the first values `expr` reads, for the trace; undefined when it reads none. */
function seenBy(expr: CompiledExpr, vars: Vars): unknown[] | undefined {
  const reads = expr.reads;
  const n = reads.length < SHOWN_READS ? reads.length : SHOWN_READS;
  if (n === 0) return undefined;
  return expr.readValues
    ? expr.readValues(vars, snapshot)
    : reads.slice(0, n).map((path) => snapshot(read(vars, path)));
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

const failure = (expr: CompiledExpr, e: unknown) =>
  `\`${expr.source}\` could not be evaluated: ${message(e)}`;

/** Evaluates `expr`; never throws. */
export function evaluate(expr: CompiledExpr, vars: Vars): Outcome<unknown> {
  if (expr.constant) return { ok: true, value: plain(expr.constant.value) };
  try {
    return { ok: true, value: plain(expr.evaluate(vars)) };
  } catch (e) {
    return { ok: false, error: failure(expr, e) };
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

/**
 * Tests a rule's `when` (absent means always) and records it in `trace`: whether it matched,
 * what it gave and snapshots of the values it read. Returns the record; the caller may still
 * add notes, or unset `matched` when the rule fails further on.
 */
export function tested(
  trace: TraceRecord[],
  ruleId: string,
  kind: string,
  when: CompiledExpr | undefined,
  vars: Vars,
  serviceId?: string,
): TraceRecord {
  let r: TraceRecord;
  if (!when) r = conditionRecord(ruleId, kind, true, serviceId, undefined, undefined, undefined, undefined);
  else if (when.constant)
    r = conditionRecord(
      ruleId,
      kind,
      when.constant.value === true,
      serviceId,
      when,
      undefined,
      undefined,
      undefined,
    );
  else {
    let value: unknown;
    let error: string | undefined;
    try {
      value = when.evaluate(vars);
    } catch (e) {
      error = message(e);
    }
    if (error !== undefined)
      r = conditionRecord(ruleId, kind, false, serviceId, when, undefined, undefined, error);
    else {
      const seen = seenBy(when, vars);
      r =
        typeof value === "boolean"
          ? conditionRecord(ruleId, kind, value, serviceId, when, value, seen, undefined)
          : conditionRecord(ruleId, kind, false, serviceId, when, snapshot(value), seen, undefined);
    }
  }
  trace.push(r);
  return r;
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
 * is noted (after `label`) on the rule's trace record, so a case test or the trace shows it.
 */
export function render(template: CompiledTemplate, vars: Vars, noteOn?: TraceRecord, label = ""): string {
  let out = "";
  // A text a customer reads, in the decision's language when the pack translates it.
  const language = vars[LANGUAGE_VARIABLE] as "de" | "sv" | undefined;
  const translated = language && (template as CompiledText).translations?.[language];
  const parts = (translated || template).parts;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const expr = part.expr;
    if (!expr) {
      out += part.text;
      continue;
    }
    let value: unknown;
    try {
      value = plain(expr.constant ? expr.constant.value : expr.evaluate(vars));
    } catch (e) {
      out += UNAVAILABLE;
      if (noteOn) note(noteOn, label + failure(expr, e));
      continue;
    }
    out += text(value);
  }
  return out;
}
