/**
 * `fairexit import customers.json` without a mapping: a file already in FairExit's own
 * format (any supported schemaVersion, migrated in memory). It is validated as a whole, so
 * it is imported whole or not at all; its coverage replaces the stored coverage when the
 * file has any.
 */
import { readCustomerFile } from "../adapters/files/readCustomerFile.js";
import type { CustomerStore } from "../domain/ports.js";
import { type Problem, ValidationError } from "../domain/validation.js";
import type { ImportResult } from "./importResult.js";

export interface CustomerFileImport {
  file: string;
  dryRun?: boolean;
}

export async function importCustomerFile(
  store: CustomerStore,
  options: CustomerFileImport,
): Promise<ImportResult> {
  const { file } = options;
  const parsed = await readCustomerFile(file);
  // Ids and account numbers repeated inside the file are rejected by the CustomerFile schema.
  const problems: Problem[] = [];
  let replaced = 0;
  for (const [index, customer] of parsed.customers.entries()) {
    const owner = await store.findByAccountNumber(customer.accountNumber);
    if (owner && owner.id !== customer.id)
      problems.push({
        path: `customers[${index}].accountNumber`,
        message: `${JSON.stringify(customer.accountNumber)} already belongs to stored customer ${owner.id}`,
      });
    else if (owner || (await store.get(customer.id))) replaced++;
  }
  if (problems.length > 0) throw new ValidationError(file, problems);

  const dryRun = options.dryRun ?? false;
  if (!dryRun) {
    await store.upsertMany(parsed.customers);
    if (parsed.coverage.length > 0) await store.setCoverage(parsed.coverage);
  }
  return {
    file,
    format: "fairexit",
    rowsRead: parsed.customers.length,
    customers: parsed.customers.length,
    replaced,
    coverageAreas: parsed.coverage.length,
    rejected: [],
    partial: false,
    dryRun,
    written: !dryRun,
  };
}
