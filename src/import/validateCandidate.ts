/**
 * Validates a mapped (and merged) candidate with the `Customer` zod schema and turns each
 * issue into a problem on the row that gave the value, naming the value and its column:
 * `email: Invalid email address (got "anna@" from column Email)`.
 */
import type { z } from "zod";
import { Customer } from "../domain/customer.js";
import { formatPath } from "../domain/validation.js";
import { show } from "./applyMapping.js";
import type { MergedCustomer } from "./mergeRows.js";

export interface RowProblem {
  row: number;
  message: string;
}

export type Validated = { ok: true; customer: Customer } | { ok: false; problems: RowProblem[] };

function describe(issue: z.core.$ZodIssue, merged: MergedCustomer): string {
  const path = formatPath(issue.path);
  const source = merged.provenanceOf(issue.path);
  const missing = issue.code === "invalid_type" && issue.input === undefined;
  if (missing)
    return source && source.raw === undefined
      ? `${path}: missing (${source.origin} ${source.columns.length > 1 ? "are" : "is"} empty)`
      : `${path}: missing (nothing in this row gives it a value)`;
  const got = source && source.raw !== undefined ? ` (got ${show(source.raw)} from ${source.origin})` : "";
  return `${path}: ${issue.message}${got}`;
}

export function validateCandidate(merged: MergedCustomer): Validated {
  const parsed = Customer.safeParse(merged.candidate);
  if (parsed.success) return { ok: true, customer: parsed.data };
  // Again with the inputs in the issues, to tell a missing value from a wrong one.
  const result = Customer.safeParse(merged.candidate, { reportInput: true });
  if (result.success) return { ok: true, customer: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => ({
      row: merged.rowOf(issue.path),
      message: describe(issue, merged),
    })),
  };
}
