/**
 * Documents are stored as the JSON text FairExit wrote and read back through their zod schema:
 * the database is an edge like a file. What is handed out is the stored value itself, frozen
 * (a caller cannot change it), so defaults a schema would fill in never alter what was stored.
 */
import type { z } from "zod";
import { deepFreeze } from "../../domain/deepFreeze.js";
import { StoreError } from "../../domain/ports.js";

/** The stored JSON `text`, checked against `schema`, frozen; `what` names it in the error. */
export function readDocument<T>(schema: z.ZodType, text: string, what: string): T {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new StoreError("invalid_data", `${what} is not valid JSON`);
  }
  const checked = schema.safeParse(value);
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new StoreError(
      "invalid_data",
      `${what} is not valid: ${issue?.path.join(".") || "(top)"}: ${issue?.message ?? "invalid"}`,
    );
  }
  return deepFreeze(value as T);
}

/** JSON text without checking (documents FairExit validated on the way in, or checks itself). */
export function readJson<T>(text: string): T {
  return deepFreeze(JSON.parse(text) as T);
}
