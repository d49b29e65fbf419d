/**
 * The demo customers and coverage that policy case files may name a customer from
 * (`fairexit policy test`), read from the customer file.
 */
import type { CaseLibrary } from "../../policies/cases/runCases.js";
import { readCustomerFile } from "../files/readCustomerFile.js";

/** The customers and coverage of `customerFile`; empty when it is absent or invalid. */
export async function readCaseLibrary(customerFile: string): Promise<CaseLibrary> {
  try {
    const file = await readCustomerFile(customerFile);
    return { customers: new Map(file.customers.map((c) => [c.id, c])), coverage: file.coverage };
  } catch {
    return { customers: new Map(), coverage: [] };
  }
}
