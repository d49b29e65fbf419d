/**
 * Masks personal data in audit records before they are written: the trail proves what
 * happened without becoming a second customer database. Which fields are masked is
 * configuration (the defaults cover FairExit's model).
 */
import { createHash } from "node:crypto";
import { PERSONAL_DATA_FIELDS } from "../domain/personalData.js";

export const DEFAULT_MASKED_FIELDS = PERSONAL_DATA_FIELDS;

/** A stable, non-reversible token: the same value masks to the same token, so records still correlate. */
export function maskValue(value: unknown, salt: string): string {
  return `masked:${createHash("sha256").update(salt).update(JSON.stringify(value)).digest("hex").slice(0, 12)}`;
}

export function maskPii<T>(data: T, fields: readonly string[], salt: string): T {
  const masked = new Set(fields);
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === "object")
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [
          k,
          masked.has(k) ? maskValue(x, salt) : walk(x),
        ]),
      );
    return v;
  };
  return walk(data) as T;
}
