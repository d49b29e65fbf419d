/**
 * `mergeBy`: several rows make one customer, typically one row per service. The lists named
 * in `appendOnMerge` (default `services`) collect one entry per row; every other field must
 * agree between the rows (a blank in one row is filled from another). Each value remembers
 * the row it came from, so a problem found later is reported against the right row.
 */
import type { Provenance } from "./applyMapping.js";
import { show } from "./applyMapping.js";
import { formatSegments, type Segment } from "./targetPaths.js";

export interface RowPart {
  row: number;
  candidate: Record<string, unknown>;
  provenance: Provenance[];
}

export interface RowProvenance extends Provenance {
  row: number;
}

export interface RowConflict {
  row: number;
  message: string;
}

export interface MergedCustomer {
  candidate: Record<string, unknown>;
  rows: number[];
  conflicts: RowConflict[];
  /** The row that gave the value at `path` (the first row when none did). */
  rowOf(path: readonly PropertyKey[]): number;
  /** Where the value at `path`, or the value holding it, came from. */
  provenanceOf(path: readonly PropertyKey[]): RowProvenance | undefined;
}

type Obj = Record<string, unknown>;

const isPlainObject = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

const startsWith = (path: readonly PropertyKey[], prefix: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

function getAt(root: unknown, path: readonly Segment[]): unknown {
  let here = root;
  for (const seg of path) {
    if (typeof here !== "object" || here === null) return undefined;
    here = (here as Record<string | number, unknown>)[seg];
  }
  return here;
}

function deleteAt(root: Obj, path: readonly Segment[]): void {
  const parent = getAt(root, path.slice(0, -1));
  if (typeof parent === "object" && parent !== null)
    delete (parent as Record<string | number, unknown>)[path[path.length - 1]!];
}

function ensureList(root: Obj, path: readonly Segment[]): unknown[] {
  let here: Record<string | number, unknown> = root;
  path.forEach((seg, i) => {
    const last = i === path.length - 1;
    if (here[seg] === undefined) here[seg] = last ? [] : typeof path[i + 1] === "number" ? [] : {};
    here = here[seg] as Record<string | number, unknown>;
  });
  return here as unknown as unknown[];
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Merges the rows of one customer, in file order. The parts' candidates are reused, not copied. */
export function mergeRows(
  parts: readonly RowPart[],
  appendOnMerge: readonly Segment[][],
  keyLabel: string,
): MergedCustomer {
  const first = parts[0];
  if (!first) throw new Error("mergeRows needs at least one row");
  // The parts are consumed: their candidates become (parts of) the merged customer.
  const merged = first.candidate;
  /** Where values came from, per row (not flattened: a big import has millions of entries). */
  const sources: { row: number; entries: readonly Provenance[] }[] = [
    { row: first.row, entries: first.provenance },
  ];
  const findSource = (match: (p: Provenance) => boolean): RowProvenance | undefined => {
    for (const { row, entries } of sources) for (const p of entries) if (match(p)) return { ...p, row };
    return undefined;
  };
  const conflicts: RowConflict[] = [];
  /** Per appended list: which row gave entries [start, start + count). */
  const ranges = appendOnMerge.map((path) => {
    const list = getAt(merged, path);
    return { path, spans: [{ row: first.row, start: 0, count: Array.isArray(list) ? list.length : 0 }] };
  });

  const fill = (into: Obj, from: Obj, at: Segment[], row: number) => {
    for (const [key, value] of Object.entries(from)) {
      const path = [...at, key];
      const existing = into[key];
      if (existing === undefined) into[key] = value;
      else if (isPlainObject(existing) && isPlainObject(value)) fill(existing, value, path, row);
      else if (!sameValue(existing, value)) {
        const other = findSource(
          (p) => p.raw !== undefined && (startsWith(path, p.path) || startsWith(p.path, path)),
        )?.row;
        conflicts.push({
          row,
          message: `${formatSegments(path)}: ${show(value)} differs from ${show(existing)}${
            other === undefined ? "" : ` in row ${other}`
          } of the same ${keyLabel}`,
        });
      }
    }
  };

  for (const part of parts.slice(1)) {
    const candidate = part.candidate;
    const shifted = part.provenance.map((p) => ({ ...p, path: [...p.path] }));
    for (const range of ranges) {
      const entries = getAt(candidate, range.path);
      if (!Array.isArray(entries)) continue;
      deleteAt(candidate, range.path);
      const list = ensureList(merged, range.path);
      const start = list.length;
      list.push(...entries);
      range.spans.push({ row: part.row, start, count: entries.length });
      for (const p of shifted) {
        const index = p.path[range.path.length];
        if (startsWith(p.path, range.path) && typeof index === "number")
          p.path[range.path.length] = start + index;
      }
    }
    fill(merged, candidate, [], part.row);
    sources.push({ row: part.row, entries: shifted });
  }

  const provenanceOf = (path: readonly PropertyKey[]) => findSource((p) => startsWith(path, p.path));

  return {
    candidate: merged,
    rows: parts.map((p) => p.row),
    conflicts,
    provenanceOf,
    rowOf(path) {
      for (const { path: listPath, spans } of ranges) {
        const index = path[listPath.length];
        if (!startsWith(path, listPath) || typeof index !== "number") continue;
        const span = spans.find((s) => index >= s.start && index < s.start + s.count);
        if (span) return span.row;
      }
      const source = provenanceOf(path) ?? findSource((p) => startsWith(p.path, path));
      return source?.row ?? first.row;
    },
  };
}
