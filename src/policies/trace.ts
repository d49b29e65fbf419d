/**
 * The decision's trace: every rule considered, matched or not, and why. While deciding, a
 * `TraceRecord` keeps what was seen: the rule, whether it matched, the condition with what it
 * gave and snapshots of the values it read (or a fact's value), and any notes. The plain-words
 * `why` is written from the record only when someone reads the trace (explain, JSON, a copy,
 * the bot's review), so a decision nobody inspects does not pay for the prose. The words are
 * the same either way.
 */

import type { Decision, TraceEntry } from "../domain/decision.js";
import { type CompiledExpr, SHOWN_READS } from "./cel/expression.js";

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

/** A value already shown: lists and maps may change after the rule ran, so they are shown then. */
class Shown {
  constructor(readonly text: string) {}
}
const SHOWN_MAP = new Shown("{...}");
/** A list is shown by its length only (`show`): one fixed value per length below 64. */
const SHOWN_LISTS: readonly Shown[] = Array.from({ length: 64 }, (_, n) => new Shown(show(new Array(n))));

/** What the trace keeps of a value: primitives as they are, lists and maps as shown now. */
export function snapshot(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if (!Array.isArray(value)) return SHOWN_MAP;
  const n = value.length;
  return n < SHOWN_LISTS.length ? (SHOWN_LISTS[n] as Shown) : new Shown(show(value));
}

function showSnapshot(value: unknown): string {
  return value instanceof Shown ? value.text : show(value);
}

/** `facts.months_left = 9, service.kind = "mobile"` from the snapshots of what `expr` read. */
function seenWords(expr: CompiledExpr, seen: readonly unknown[] | undefined): string {
  let out = "";
  const reads = expr.reads;
  for (let i = 0; i < reads.length; i++) {
    if (i === SHOWN_READS) return `${out}, ...`;
    out += `${i === 0 ? "" : ", "}${expr.readLabels[i]} = ${showSnapshot(seen?.[i])}`;
  }
  return out;
}

/** One rule considered, as recorded during `decide`. Every record has every field. */
export interface TraceRecord {
  ruleId: string;
  kind: string;
  matched: boolean;
  serviceId: string | undefined;
  /** The condition tested (undefined: the rule always applies, or the reason is `text` or a fact). */
  when: CompiledExpr | undefined;
  /** Set for a fact: its id. */
  fact: string | undefined;
  /** What the condition gave, or the fact's value (snapshots). */
  value: unknown;
  /** Snapshots of the first values the condition read. */
  seen: readonly unknown[] | undefined;
  /** Why the condition (or the fact) could not be evaluated. */
  error: string | undefined;
  /** The reason, already in words. */
  text: string | undefined;
  /** Written after the reason, separated by semicolons. */
  notes: string[] | undefined;
  /** Written before the reason (e.g. `deny: `). */
  prefix: string | undefined;
}

/** A record of a tested condition; `evaluate.ts` fills it in. */
export function conditionRecord(
  ruleId: string,
  kind: string,
  matched: boolean,
  serviceId: string | undefined,
  when: CompiledExpr | undefined,
  value: unknown,
  seen: readonly unknown[] | undefined,
  error: string | undefined,
): TraceRecord {
  return {
    ruleId,
    kind,
    matched,
    serviceId,
    when,
    fact: undefined,
    value,
    seen,
    error,
    text: undefined,
    notes: undefined,
    prefix: undefined,
  };
}

/** Adds a note to the record (written after its reason). */
export function note(r: TraceRecord, text: string): void {
  if (r.notes === undefined) r.notes = [text];
  else r.notes.push(text);
}

/** A record whose reason is already in words. */
export function textRecord(
  ruleId: string,
  kind: string,
  matched: boolean,
  text: string,
  serviceId?: string,
): TraceRecord {
  const r = conditionRecord(ruleId, kind, matched, serviceId, undefined, undefined, undefined, undefined);
  r.text = text;
  return r;
}

/** A fact's value (a snapshot), or why it has none. */
export function factRecord(
  id: string,
  value: unknown,
  error: string | undefined,
  serviceId?: string,
): TraceRecord {
  const r = conditionRecord(id, "fact", error === undefined, serviceId, undefined, value, undefined, error);
  r.fact = id;
  return r;
}

function conditionWords(r: TraceRecord): string {
  const when = r.when;
  if (!when) return "always applies";
  if (when.constant) return `\`${when.display}\` is always ${String(when.constant.value)}`;
  if (r.error !== undefined)
    return `\`${when.display}\` could not be evaluated (${r.error}): treated as false`;
  const seen = seenWords(when, r.seen);
  if (typeof r.value !== "boolean")
    return `\`${when.display}\` gave ${showSnapshot(r.value)}, not true or false (${seen})`;
  return seen === "" ? `\`${when.display}\` is ${r.value}` : `\`${when.display}\` is ${r.value} (${seen})`;
}

/** `why`, then the notes after semicolons. */
export function withNotes(why: string, notes: readonly string[]): string {
  return notes.length === 0 ? why : `${why}; ${notes.join("; ")}`;
}

/** Why the rule matched or not, in plain words. */
export function whyOf(r: TraceRecord): string {
  let why: string;
  if (r.text !== undefined) why = r.text;
  else if (r.fact !== undefined)
    why = r.error === undefined ? `${r.fact} = ${showSnapshot(r.value)}` : `${r.fact} = null: ${r.error}`;
  else why = conditionWords(r);
  if (r.prefix !== undefined) why = r.prefix + why;
  return r.notes === undefined ? why : withNotes(why, r.notes);
}

/** The plain trace entry of a record. */
export function entryOf(r: TraceRecord): TraceEntry {
  const { ruleId, kind, matched, serviceId } = r;
  const why = whyOf(r);
  return serviceId === undefined ? { ruleId, kind, matched, why } : { ruleId, kind, matched, why, serviceId };
}

const RECORDS = Symbol("trace records");

interface Pending {
  /** Dropped once written in words. */
  records: readonly TraceRecord[] | undefined;
  entries: TraceEntry[] | undefined;
}

type WithPending = { [RECORDS]: Pending };

/** One accessor for every decision, so decisions share their shape (no new hidden class each). */
const TRACE_PROPERTY: PropertyDescriptor = {
  enumerable: true,
  configurable: true,
  get(this: WithPending): TraceEntry[] {
    const p = this[RECORDS];
    if (p.entries === undefined) {
      p.entries = (p.records ?? []).map(entryOf);
      p.records = undefined;
    }
    return p.entries;
  },
  set(this: WithPending, entries: TraceEntry[]) {
    const p = this[RECORDS];
    p.entries = entries;
    p.records = undefined;
  },
};

/**
 * Adds `trace` to a decision: an own, enumerable property (so JSON, copies and comparisons see
 * it like any other) whose entries are written from `records` when first read.
 */
export function withTrace<D extends object>(
  records: readonly TraceRecord[],
  decision: D,
): D & { trace: TraceEntry[] } {
  Object.defineProperty(decision, RECORDS, { value: { records, entries: undefined } satisfies Pending });
  Object.defineProperty(decision, "trace", TRACE_PROPERTY);
  return decision as D & { trace: TraceEntry[] };
}

/** The rules that matched, in trace order, without putting the whole trace into words. */
export function matchedRuleIds(d: Decision): string[] {
  const pending = (d as Partial<WithPending>)[RECORDS];
  const records = pending?.records;
  if (records) return records.filter((r) => r.matched).map((r) => r.ruleId);
  return d.trace.filter((t) => t.matched).map((t) => t.ruleId);
}

/** The packs whose rules made the decision, in precedence order (from the trace). */
export function packsOf(d: Decision): string[] {
  const composed = d.trace.find((t) => t.kind === "rule_set");
  return composed
    ? composed.why
        .replace(/^packs: /, "")
        .split(", ")
        .filter(Boolean)
    : [];
}
