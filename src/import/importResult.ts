/**
 * What an import did, and how the CLI says it: one summary line for stdout and one line
 * per rejected row (capped) for stderr.
 */

/** A row that was not imported, with every reason (`services[0].monthlyFee: expected ...`). */
export interface RejectedRow {
  row: number;
  reasons: string[];
}

export interface ImportResult {
  file: string;
  /** `fairexit` for a file in FairExit's own format (no mapping). */
  format: "csv" | "json" | "fairexit";
  rowsRead: number;
  /** Customers that passed (and were imported, unless this was a dry run or rows were rejected). */
  customers: number;
  /** Of those, how many replace a stored customer with the same id. */
  replaced: number;
  /** Coverage areas in a FairExit file (stored when there are any). */
  coverageAreas: number;
  rejected: RejectedRow[];
  partial: boolean;
  dryRun: boolean;
  written: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** `row 7: services[0].monthlyFee: expected a number, got "abc" from column MonthlyFee` */
export function rejectedLine(r: RejectedRow): string {
  return `row ${r.row}: ${r.reasons.join("; ")}`;
}

/** One line per rejected row, at most `max`, then `... and N more rejected rows`. */
export function rejectedLines(rejected: readonly RejectedRow[], max = 50): string[] {
  const lines = rejected.slice(0, max).map(rejectedLine);
  if (rejected.length > max) lines.push(`... and ${plural(rejected.length - max, "more rejected row")}`);
  return lines;
}

/** `imported 3 customers from examples/crm/export.csv (2 rows rejected, --partial)` */
export function summaryLine(r: ImportResult): string {
  const notes: string[] = [];
  if (r.replaced > 0) notes.push(`${r.replaced} replaced`);
  if (r.coverageAreas > 0) notes.push(`${plural(r.coverageAreas, "coverage area")}`);
  if (r.rejected.length > 0) notes.push(`${plural(r.rejected.length, "row")} rejected`);
  if (r.partial && r.rejected.length > 0) notes.push("--partial");
  if (r.dryRun) notes.push("dry run, nothing written");
  const verb = r.dryRun ? "would import" : "imported";
  const rest = notes.length > 0 ? ` (${notes.join(", ")})` : "";
  return `${verb} ${plural(r.customers, "customer")} from ${r.file}${rest}`;
}

/** The one-line error when rows were rejected without `--partial`. */
export function rejectionMessage(r: ImportResult): string {
  const good =
    r.customers > 0 ? `, or use --partial to import the other ${plural(r.customers, "customer")}` : "";
  const nothing = r.dryRun ? "dry run, nothing written" : "nothing imported";
  return `${plural(r.rejected.length, "row")} rejected in ${r.file}; ${nothing} (fix the rows${good})`;
}
