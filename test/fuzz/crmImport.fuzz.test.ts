/**
 * The CRM import mapper under hostile input: random mutations of examples/crm/mapping.yaml
 * (keys deleted, wrong types, bad targets, broken YAML, alias bombs) are compiled or refused
 * with a `ValidationError` naming the file; random mutations of examples/crm/export.csv's rows
 * and cells (odd characters, quotes, separators, huge cells, missing and extra cells, rows
 * duplicated or dropped) are imported with every rejected row named with its reasons, or the
 * file refused with a `ValidationError`; never another throw. With --dry-run (`dryRun`),
 * nothing is written; without --partial, a single rejected row means nothing is written.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import YAML from "yaml";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { ValidationError } from "../../src/domain/validation.js";
import type { CompiledMapping } from "../../src/import/compileMapping.js";
import type { ImportResult } from "../../src/import/importResult.js";
import { parseMapping } from "../../src/import/loadMapping.js";
import { runImport } from "../../src/import/runImport.js";
import { aCustomer } from "../support/aCustomer.js";
import { fuzzParameters } from "./fuzzSettings.js";

const MAPPING_FILE = "examples/crm/mapping.yaml";
const MAPPING_TEXT = await readFile(MAPPING_FILE, "utf8");
const MAPPING = parseMapping(MAPPING_TEXT, MAPPING_FILE);
const CSV_LINES = (await readFile("examples/crm/export.csv", "utf8")).trimEnd().split("\n");

const ODD_CELL = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    ";",
    '"',
    '""',
    '"a;b"',
    '"unclosed',
    "\r",
    "\n",
    "\u0000",
    "\ufeff",
    "\u202e",
    "-0",
    "1e309",
    "NaN",
    "Infinity",
    "99999999999999999999999",
    "31/02/2024",
    "00/00/0000",
    "29/02/2023",
    "1/1/1",
    "01/01/99999",
    "=cmd|' /C calc'!A0",
    "__proto__",
    "constructor",
    "toString",
    "a|b||",
    "BER|XXX",
    "PAYPAL",
    "Y",
    "J",
    "N",
    "38,50",
    "1 049,00",
    "1.049,00",
    "-4,20",
  ),
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.nat({ max: 3000 }).map((n) => "x".repeat(n * 10)),
);

type RowEdit =
  | { kind: "cell"; row: number; cell: number; value: string }
  | { kind: "dropCell"; row: number; cell: number }
  | { kind: "addCell"; row: number; value: string }
  | { kind: "dropRow"; row: number }
  | { kind: "copyRow"; row: number }
  | { kind: "blankLine"; row: number };
const rowEditArb: fc.Arbitrary<RowEdit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("cell" as const),
      row: fc.nat(),
      cell: fc.nat(),
      value: ODD_CELL,
    }),
  },
  fc.record({ kind: fc.constant("dropCell" as const), row: fc.nat(), cell: fc.nat() }),
  fc.record({ kind: fc.constant("addCell" as const), row: fc.nat(), value: ODD_CELL }),
  fc.record({ kind: fc.constant("dropRow" as const), row: fc.nat() }),
  fc.record({ kind: fc.constant("copyRow" as const), row: fc.nat() }),
  fc.record({ kind: fc.constant("blankLine" as const), row: fc.nat() }),
);

/** The export with `edits` applied; the header (row 0) is edited only when `header` is set. */
function editedCsv(edits: RowEdit[], header: boolean): string {
  const rows = CSV_LINES.map((l) => l.split(";"));
  const first = header ? 0 : 1;
  for (const e of edits) {
    if (rows.length <= first) break;
    const r = first + (e.row % (rows.length - first));
    const cells = rows[r]!;
    if (e.kind === "cell") cells[e.cell % cells.length] = e.value;
    else if (e.kind === "dropCell") cells.splice(e.cell % cells.length, 1);
    else if (e.kind === "addCell") cells.push(e.value);
    else if (e.kind === "dropRow") rows.splice(r, 1);
    else if (e.kind === "copyRow") rows.splice(r, 0, [...cells]);
    else rows.splice(r, 0, []);
  }
  return `${rows.map((cells) => cells.join(";")).join("\n")}\n`;
}

type Path = (string | number)[];
/** A parsed YAML object or array, indexed by key or position. */
type Node = Record<string | number, unknown> & unknown[];
function pathsOf(value: unknown, base: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...base, k], ...pathsOf(v, [...base, k])]);
}

type MappingEdit =
  | { kind: "delete"; pick: number }
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "rename"; pick: number; name: string }
  | { kind: "text"; at: number; cut: number; insert: string };
const mappingEditArb: fc.Arbitrary<MappingEdit> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("replace" as const),
    pick: fc.nat(),
    value: fc.oneof(
      fc.constantFrom<unknown>(
        null,
        true,
        0,
        -1,
        1e308,
        "",
        [],
        {},
        "YYYY-YYYY",
        "Mars/Olympus",
        "services[-1].id",
        "a..b",
        "services[99999999999].id",
      ),
      fc.string({ maxLength: 12 }),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }),
  fc.record({
    kind: fc.constant("rename" as const),
    pick: fc.nat(),
    name: fc.oneof(
      fc.constantFrom(
        "services[0]",
        "services[1].id",
        "__proto__",
        "constructor.prototype",
        "id.x",
        "email[0]",
        "billing",
        "",
      ),
      fc.string({ maxLength: 12 }),
    ),
  }),
  fc.record({
    kind: fc.constant("text" as const),
    at: fc.nat(),
    cut: fc.nat({ max: 30 }),
    insert: fc.constantFrom(
      ":",
      "\t",
      "{",
      "- ",
      "&a [1]\n",
      "x: *a\n",
      "\nversion: 1\n",
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n',
    ),
  }),
);

function editedMapping(edits: MappingEdit[]): string {
  let text = MAPPING_TEXT;
  for (const e of edits) {
    if (e.kind === "text") {
      const at = e.at % (text.length + 1);
      text = text.slice(0, at) + e.insert + text.slice(at + e.cut);
      continue;
    }
    let doc: unknown;
    try {
      doc = YAML.parse(text);
    } catch {
      continue;
    }
    const paths = pathsOf(doc);
    if (paths.length === 0) continue;
    const path = paths[e.pick % paths.length]!;
    const parent = path.slice(0, -1).reduce((node, k) => node[k] as Node, doc as Node);
    const key = path[path.length - 1]!;
    if (e.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (e.kind === "replace") parent[key] = e.value;
    else if (!Array.isArray(parent)) {
      parent[e.name] = parent[key];
      delete parent[key];
    }
    text = YAML.stringify(doc, { lineWidth: 0 });
  }
  return text;
}

/** Compiles the mapping text, or returns the `ValidationError` it was refused with (anything else is thrown). */
function mappingOrError(text: string): CompiledMapping | ValidationError {
  try {
    return parseMapping(text, MAPPING_FILE);
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
}

let dir: string;
let n = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-import-fuzz-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/**
 * Imports `csv` with `mapping` into a store holding one customer already, checks what the
 * import says and what it wrote, and returns the result (or the `ValidationError` that refused the file).
 */
async function importChecked(
  mapping: CompiledMapping,
  csv: string,
  options: { dryRun: boolean; partial: boolean },
): Promise<ImportResult | ValidationError> {
  const file = join(dir, `export-${n++}.csv`);
  await writeFile(file, csv);
  const store = openMemoryStore();
  await store.customers.upsertMany([aCustomer()]);
  const before = await store.customers.list();
  let result: ImportResult;
  try {
    result = await runImport(store.customers, { file, mapping, ...options });
  } catch (e) {
    if (!(e instanceof ValidationError)) throw e;
    expect(e.message.startsWith(file)).toBe(true);
    expect(e.problems.length).toBeGreaterThan(0);
    expect(await store.customers.list()).toEqual(before);
    return e;
  }
  const lines = csv.split("\n").length;
  for (const r of result.rejected) {
    expect(r.row).toBeGreaterThanOrEqual(2);
    expect(r.row).toBeLessThanOrEqual(lines);
    expect(r.reasons.length).toBeGreaterThan(0);
    for (const reason of r.reasons) {
      expect(reason.trim().length).toBeGreaterThan(0);
      expect(reason).not.toMatch(/\[object Object\]|TypeError|Cannot read/);
    }
  }
  expect(new Set(result.rejected.map((r) => r.row)).size).toBe(result.rejected.length);
  const after = await store.customers.list();
  if (options.dryRun || (result.rejected.length > 0 && !options.partial) || result.customers === 0) {
    expect(result.written).toBe(false);
    expect(after).toEqual(before);
  } else {
    expect(result.written).toBe(true);
  }
  return result;
}

describe("importing mutated copies of the example CRM export", () => {
  it("names every rejected row with its reasons, never throws, and writes nothing on a dry run", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowEditArb, { minLength: 1, maxLength: 8 }),
        fc.boolean(),
        fc.boolean(),
        async (edits, dryRun, partial) => {
          await importChecked(MAPPING, editedCsv(edits, false), { dryRun, partial });
        },
      ),
      fuzzParameters(300),
    );
  }, 180_000);

  it("refuses a header that lacks a column the mapping reads, naming the file", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowEditArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (edits, dryRun) => {
          await importChecked(MAPPING, editedCsv(edits, true), { dryRun, partial: true });
        },
      ),
      fuzzParameters(200),
    );
  }, 180_000);
});

describe("a mapping with an alias to no anchor (found by this fuzz, seed 180018)", () => {
  it("is refused with a MappingError at the alias, not a thrown ReferenceError", () => {
    const text = `${MAPPING_TEXT}\nnotes: *nope\n`;
    const error = mappingOrError(text);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toMatch(
      new RegExp(`^${MAPPING_FILE}:${text.split("\n").length - 1}:\\d+: \\(yaml\\): Unresolved alias.*nope`),
    );
  });
});

describe("mutated copies of the example mapping", () => {
  it("compile, or are refused with a ValidationError naming the file and where; imports with them keep the rules", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(mappingEditArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        async (edits, dryRun) => {
          const mapping = mappingOrError(editedMapping(edits));
          if (mapping instanceof ValidationError) {
            expect(mapping.source).toBe(MAPPING_FILE);
            expect(mapping.message).toMatch(
              new RegExp(`^${MAPPING_FILE.replaceAll(".", "\\.")}(:\\d+:\\d+)?: `),
            );
            expect(mapping.problems.length).toBeGreaterThan(0);
            for (const p of mapping.problems) expect(p.message.trim().length).toBeGreaterThan(0);
            return;
          }
          await importChecked(mapping, `${CSV_LINES.join("\n")}\n`, { dryRun, partial: false });
        },
      ),
      fuzzParameters(300),
    );
  }, 180_000);
});
