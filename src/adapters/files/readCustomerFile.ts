import { readFile } from "node:fs/promises";
import { CustomerFile, type CustomerFile as CustomerFileType } from "../../domain/customerFile.js";
import { migrateCustomerFile } from "../../domain/migrations.js";
import { parseWith, ValidationError } from "../../domain/validation.js";

/**
 * Reads a file in FairExit's own customer format (any supported schemaVersion), migrates it
 * in memory and validates it. Errors name the file, the field path and the problem.
 */
export async function readCustomerFile(path: string): Promise<CustomerFileType> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (e) {
    throw new ValidationError(path, [{ path: "(file)", message: (e as NodeJS.ErrnoException).message }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(path, [{ path: "(root)", message: `not valid JSON: ${(e as Error).message}` }]);
  }
  const { data } = migrateCustomerFile(raw, path);
  return parseWith(CustomerFile, data, path);
}
