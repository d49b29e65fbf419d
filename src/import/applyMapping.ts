/**
 * Applies a compiled mapping to one source record (a CSV row or a JSON object). Pure: it
 * returns a candidate customer object (not yet validated against the model), where each
 * value came from, and the problems found on the way, each naming the target field, the
 * value and the column it came from.
 */
import type { CompiledField, Literal } from "./compileField.js";
import type { CompiledMapping } from "./compileMapping.js";
import { convertValue, type Scalar } from "./convertValue.js";
import type { Segment } from "./targetPaths.js";
import { splitFullName, splitList, TRANSFORMS } from "./transforms.js";

export type SourceRecord = Readonly<Record<string, unknown>>;

/** Where one target value came from. */
export interface Provenance {
  path: Segment[];
  /** The columns read (empty for a constant). */
  columns: string[];
  /** The source value before conversion; undefined when the source was empty. */
  raw: unknown;
  /** For messages: `column MonthlyFee`, `template crm-{AccountNo}`, `the mapping's value`. */
  origin: string;
}

export interface MappedRow {
  candidate: Record<string, unknown>;
  provenance: Provenance[];
  /** Each as `<target>: <what is wrong> ... from column <X>`. */
  problems: string[];
}

/** Reads a column: an exact key first, then a dotted path into nested JSON (`contact.email`, `items[0].id`). */
export function readSource(record: SourceRecord, column: string): unknown {
  if (Object.hasOwn(record, column)) return record[column];
  if (!/[.[]/.test(column)) return undefined;
  let here: unknown = record;
  for (const part of column.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return undefined;
    if (m[1] !== "") here = isObject(here) ? here[m[1]!] : undefined;
    for (const index of m[2]!.matchAll(/\[(\d+)\]/g))
      here = Array.isArray(here) ? here[Number(index[1])] : undefined;
    if (here === undefined) return undefined;
  }
  return here;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Missing, null, blank text or an empty list. */
export function isEmpty(v: unknown): boolean {
  return (
    v === undefined ||
    v === null ||
    (typeof v === "string" && v.trim() === "") ||
    (Array.isArray(v) && v.length === 0)
  );
}

/** A value for a message: quoted text, shortened when long. */
export function show(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Writes `value` at `path`, creating objects and lists on the way. */
export function setAt(target: Record<string, unknown>, path: readonly Segment[], value: unknown): void {
  let here: Record<string | number, unknown> = target;
  path.forEach((seg, i) => {
    if (i === path.length - 1) {
      here[seg] = value;
      return;
    }
    const next = path[i + 1]!;
    if (typeof here[seg] !== "object" || here[seg] === null) here[seg] = typeof next === "number" ? [] : {};
    here = here[seg] as Record<string | number, unknown>;
  });
}

interface Found {
  raw: unknown;
  columns: string[];
  origin: string;
}

const cleaned = (v: unknown, trim: boolean) => (trim && typeof v === "string" ? v.trim() : v);

function find(field: CompiledField, record: SourceRecord, trim: boolean): Found {
  const source = field.source;
  if (source.kind === "value") return { raw: source.value, columns: [], origin: "the mapping's value" };
  if (source.kind === "template") {
    let raw: string | undefined = "";
    for (const part of source.parts) {
      if (typeof part === "string") raw += part;
      else {
        const v = cleaned(readSource(record, part.column), trim);
        if (isEmpty(v)) {
          raw = undefined;
          break;
        }
        raw += String(v);
      }
    }
    return { raw, columns: source.columns, origin: `template ${source.template}` };
  }
  for (const column of source.columns) {
    const v = cleaned(readSource(record, column), trim);
    if (!isEmpty(v)) return { raw: v, columns: [column], origin: `column ${column}` };
  }
  const origin =
    source.columns.length === 1 ? `column ${source.columns[0]}` : `columns ${source.columns.join(", ")}`;
  return { raw: undefined, columns: source.columns, origin };
}

function applyTransforms(field: CompiledField, text: string): string {
  let out = text;
  for (const t of field.transforms) out = TRANSFORMS[t](out);
  return out;
}

type Outcome = { ok: true; value: unknown } | { ok: false; problem: string };

/** Transforms, value map and type conversion of one item. */
function readItem(field: CompiledField, item: unknown, origin: string): Outcome {
  const v = typeof item === "string" ? applyTransforms(field, item) : item;
  if (field.map) {
    const key = typeof v === "object" ? JSON.stringify(v) : String(v);
    const hit: Literal | undefined = field.map.get(key) ?? field.otherwise;
    if (hit !== undefined) return { ok: true, value: hit };
    const known = [...field.map.keys()].join(", ");
    return { ok: false, problem: `${show(key)} from ${origin} is not in the value map (known: ${known})` };
  }
  const converted = convertValue(v, field.conversion);
  if (converted.ok) return converted;
  return { ok: false, problem: `expected ${converted.expected}, got ${show(item)} from ${origin}` };
}

function readValue(field: CompiledField, found: Found): Outcome {
  const { raw, origin } = found;
  if (field.source.kind === "value") return { ok: true, value: raw };
  if (field.splitName) {
    const text = typeof raw === "string" ? raw : String(raw);
    const name = splitFullName(applyTransforms(field, text));
    return name
      ? { ok: true, value: name }
      : { ok: false, problem: `cannot split ${show(raw)} from ${origin} into given and family names` };
  }
  if (field.node.kind !== "list") return readItem(field, raw, origin);
  const items = Array.isArray(raw) ? raw : splitList(String(raw), field.separator ?? ",");
  const values: Scalar[] = [];
  for (const item of items) {
    const one = readItem(field, item, origin);
    if (!one.ok) return one;
    values.push(...(Array.isArray(one.value) ? one.value : [one.value as Scalar]));
  }
  return { ok: true, value: values };
}

/** Maps one source record. */
export function applyMapping(mapping: CompiledMapping, record: SourceRecord): MappedRow {
  const candidate: Record<string, unknown> = {};
  const provenance: Provenance[] = [];
  const problems: string[] = [];
  for (const column of mapping.required)
    if (isEmpty(readSource(record, column)))
      problems.push(`column ${column} is empty (the mapping requires it)`);

  for (const field of mapping.fields) {
    if (field.when !== undefined && isEmpty(readSource(record, field.when))) continue;
    const found = find(field, record, mapping.trim);
    const target = field.target;
    if (isEmpty(found.raw)) {
      provenance.push({ path: field.path, columns: found.columns, raw: undefined, origin: found.origin });
      if (field.default !== undefined) setAt(candidate, field.path, field.default);
      else if (field.required) problems.push(`${target}: no value (${found.origin} is empty)`);
      continue;
    }
    const outcome = readValue(field, found);
    if (!outcome.ok) {
      problems.push(`${target}: ${outcome.problem}`);
      continue;
    }
    setAt(candidate, field.path, outcome.value);
    provenance.push({ path: field.path, columns: found.columns, raw: found.raw, origin: found.origin });
  }
  return { candidate, provenance, problems };
}
