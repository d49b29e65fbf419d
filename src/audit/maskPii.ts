/**
 * Masks personal data in audit records before they are written: the trail proves what
 * happened without becoming a second customer database. Which fields are masked is
 * configuration (the defaults cover FairExit's model).
 */
import { PERSONAL_DATA_FIELDS } from "../domain/personalData.js";
import { sha256Hex } from "../domain/sha256.js";

export const DEFAULT_MASKED_FIELDS = PERSONAL_DATA_FIELDS;

/** A stable, non-reversible token: the same value masks to the same token, so records still correlate. */
export function maskValue(value: unknown, salt: string): string {
  return `masked:${sha256Hex(salt + JSON.stringify(value)).slice(0, 12)}`;
}

const fieldSets = new WeakMap<readonly string[], ReadonlySet<string>>();

function fieldSet(fields: readonly string[]): ReadonlySet<string> {
  let set = fieldSets.get(fields);
  if (!set) {
    set = new Set(fields);
    fieldSets.set(fields, set);
  }
  return set;
}

/** A copy of `data` (plain objects and arrays, all new) with the values of `fields` masked. */
export function maskPii<T>(data: T, fields: readonly string[], salt: string): T {
  return maskedCopy(data, fieldSet(fields), salt) as T;
}

// A module-level function rather than a closure per call: the server runs through tsx, whose
// esbuild transform names every closure when it is created (an Object.defineProperty each).
function maskedCopy(v: unknown, masked: ReadonlySet<string>, salt: string): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) return v.map((x) => maskedCopy(x, masked, salt));
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(v)) {
    const x = (v as Record<string, unknown>)[key];
    const value = masked.has(key) ? maskValue(x, salt) : maskedCopy(x, masked, salt);
    if (key === "__proto__")
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
  return out;
}
