/**
 * `fairexit import`: stream an export's records, map each one, merge rows that make one
 * customer, validate with the `Customer` schema, then write every accepted customer with one
 * `upsertMany` (all or nothing). Rows that fail are collected with their row number and
 * reasons; unless `partial` is set, any rejected row means nothing is written.
 *
 * Independent of configuration: it takes the `CustomerStore` to write to.
 */
import type { Customer } from "../domain/customer.js";
import type { CustomerStore } from "../domain/ports.js";
import { ValidationError } from "../domain/validation.js";
import { applyMapping, readSource } from "./applyMapping.js";
import type { CompiledMapping } from "./compileMapping.js";
import { duplicatesBy } from "./duplicates.js";
import { importCustomerFile } from "./importCustomerFile.js";
import type { ImportResult, RejectedRow } from "./importResult.js";
import { mergeRows, type RowPart } from "./mergeRows.js";
import { createProgress, noProgress, type ProgressSink } from "./progress.js";
import { formatOfFile, openRecords } from "./readRecords.js";
import { validateCandidate } from "./validateCandidate.js";

export interface ImportOptions {
  /** The export (CSV or JSON), or a FairExit customer file when there is no mapping. */
  file: string;
  mapping?: CompiledMapping;
  /** Import the good rows even when some are rejected. */
  partial?: boolean;
  /** Validate and report; write nothing. */
  dryRun?: boolean;
  /** Where progress goes (stderr in the CLI); none by default. */
  progress?: ProgressSink;
  /** Rows between progress lines when the sink is not a terminal. */
  progressEvery?: number;
}

interface Part extends RowPart {
  problems: string[];
}

interface Accepted {
  customer: Customer;
  rows: number[];
}

const rowList = (rows: readonly number[]) => `${rows.length > 1 ? "rows" : "row"} ${rows.join(", ")}`;

class Rejections {
  private readonly byRow = new Map<number, string[]>();
  add(row: number, reason: string) {
    const reasons = this.byRow.get(row);
    if (reasons) reasons.push(reason);
    else this.byRow.set(row, [reason]);
  }
  list(): RejectedRow[] {
    return [...this.byRow.entries()].sort(([a], [b]) => a - b).map(([row, reasons]) => ({ row, reasons }));
  }
}

/** Checks the CSV header has every column the mapping reads, once each. */
function checkHeader(mapping: CompiledMapping, file: string, header: readonly string[]): void {
  const problems = [];
  for (const [column, where] of mapping.columns) {
    const count = header.filter((h) => h === column).length;
    if (count === 0 && !/[.[]/.test(column))
      problems.push({
        path: "row 1",
        message: `column ${column} (used by ${where} in ${mapping.file}) is not in the header`,
      });
    if (count > 1)
      problems.push({ path: "row 1", message: `column ${column} appears ${count} times in the header` });
  }
  if (problems.length > 0) {
    problems.push({ path: "row 1", message: `the header has: ${header.join(", ")}` });
    throw new ValidationError(file, problems);
  }
}

/** Imports `options.file` into `store`; see the module comment. */
export async function runImport(store: CustomerStore, options: ImportOptions): Promise<ImportResult> {
  if (!options.mapping) return importCustomerFile(store, options);
  const { file, mapping } = options;
  const format = mapping.format ?? formatOfFile(file);
  if (!format)
    throw new ValidationError(file, [
      {
        path: "(file)",
        message: "cannot tell CSV from JSON: name the file .csv or .json, or set format in the mapping",
      },
    ]);
  const source = await openRecords(file, format, { csv: mapping.csv, jsonRecords: mapping.json.records });
  const progress = options.progress
    ? createProgress(options.progress, { totalBytes: source.totalBytes, every: options.progressEvery })
    : noProgress;
  const rejections = new Rejections();
  const accepted: Accepted[] = [];
  const keyLabel = mapping.mergeBy.join(" + ");

  const finishCustomer = (parts: Part[], key: string) => {
    const reject = (bad: Map<number, string[]>) => {
      for (const [row, reasons] of bad) for (const r of reasons) rejections.add(row, r);
      const badRows = [...bad.keys()].sort((a, b) => a - b);
      for (const p of parts)
        if (!bad.has(p.row))
          rejections.add(
            p.row,
            `not imported: ${rowList(badRows)} of the same ${keyLabel} ${JSON.stringify(key)} rejected`,
          );
    };
    const failing = parts.filter((p) => p.problems.length > 0);
    if (failing.length > 0) return reject(new Map(failing.map((p) => [p.row, p.problems])));
    const merged = mergeRows(parts, mapping.appendOnMerge, keyLabel);
    const bad = new Map<number, string[]>();
    const note = (row: number, message: string) => bad.set(row, [...(bad.get(row) ?? []), message]);
    for (const c of merged.conflicts) note(c.row, c.message);
    if (bad.size > 0) return reject(bad);
    const validated = validateCandidate(merged);
    if (!validated.ok) {
      for (const p of validated.problems) note(p.row, p.message);
      return reject(bad);
    }
    accepted.push({ customer: validated.customer, rows: merged.rows });
  };

  const groups = new Map<string, Part[]>();
  let rowsRead = 0;
  let headerChecked = false;
  for await (const { row, record, problem } of source.rows) {
    rowsRead++;
    progress.update(rowsRead, source.bytesRead());
    const header = source.header();
    if (!headerChecked && header) {
      checkHeader(mapping, file, header);
      headerChecked = true;
    }
    const mapped = applyMapping(mapping, record);
    const part: Part = {
      row,
      ...mapped,
      problems: problem ? [problem, ...mapped.problems] : mapped.problems,
    };
    if (mapping.mergeBy.length === 0) {
      finishCustomer([part], "");
      continue;
    }
    const keyParts = mapping.mergeBy.map((c) => readSource(record, c));
    if (keyParts.some((k) => k === undefined || k === null || String(k).trim() === "")) {
      const reasons = part.problems.length > 0 ? part.problems : [`no ${keyLabel} to merge by (mergeBy)`];
      for (const r of reasons) rejections.add(row, r);
      continue;
    }
    const key = keyParts.map((k) => String(k).trim()).join(" + ");
    const group = groups.get(key);
    if (group) group.push(part);
    else groups.set(key, [part]);
  }
  const header = source.header();
  if (!headerChecked && header) checkHeader(mapping, file, header);
  progress.finish(rowsRead);
  for (const [key, parts] of groups) finishCustomer(parts, key);

  const keep = await rejectClashes(store, accepted, rejections);
  const rejected = rejections.list();
  const partial = options.partial ?? false;
  const dryRun = options.dryRun ?? false;
  const write = !dryRun && (rejected.length === 0 || partial) && keep.customers.length > 0;
  if (write) await store.upsertMany(keep.customers);
  return {
    file,
    format,
    rowsRead,
    customers: keep.customers.length,
    replaced: keep.replaced,
    coverageAreas: 0,
    rejected,
    partial,
    dryRun,
    written: write,
  };
}

/**
 * Rejects customers whose id or account number another row of the export also gives, and
 * those whose account number belongs to a different stored customer.
 */
async function rejectClashes(
  store: CustomerStore,
  accepted: Accepted[],
  rejections: Rejections,
): Promise<{ customers: Customer[]; replaced: number }> {
  const out = new Set<Accepted>();
  const clash = (field: "id" | "accountNumber") => {
    for (const group of duplicatesBy(accepted, (a) => a.customer[field]))
      for (const a of group) {
        const others = group.filter((o) => o !== a).flatMap((o) => o.rows);
        for (const row of a.rows)
          rejections.add(
            row,
            `${field}: ${JSON.stringify(a.customer[field])} is also given by ${rowList(others)}`,
          );
        out.add(a);
      }
  };
  clash("id");
  clash("accountNumber");
  let replaced = 0;
  const customers: Customer[] = [];
  for (const a of accepted) {
    if (out.has(a)) continue;
    const owner = await store.findByAccountNumber(a.customer.accountNumber);
    if (owner && owner.id !== a.customer.id) {
      for (const row of a.rows)
        rejections.add(
          row,
          `accountNumber: ${JSON.stringify(a.customer.accountNumber)} already belongs to stored customer ${owner.id}`,
        );
      continue;
    }
    if (owner || (await store.get(a.customer.id))) replaced++;
    customers.push(a.customer);
  }
  return { customers, replaced };
}
