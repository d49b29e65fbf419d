/**
 * Turns zod issues on a YAML file into located policy errors: an unknown field is reported
 * at its key (with the closest known field suggested), a missing field at its parent, any
 * other problem at the value.
 */
import type { z } from "zod";
import { editDistance } from "../domain/editDistance.js";
import { formatPath } from "../domain/validation.js";
import { type PolicyError, policyError } from "./policyError.js";
import type { YamlSource } from "./yamlSource.js";

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let cur = root;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** The closest of `known` to `key`, when close enough to be a typo. */
export function suggest(key: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = Math.max(2, Math.floor(key.length / 3)) + 1;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

/** Every property name anywhere in a JSON Schema, for typo suggestions. */
export function propertyNames(jsonSchema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(jsonSchema)) for (const s of jsonSchema) propertyNames(s, out);
  else if (jsonSchema && typeof jsonSchema === "object") {
    for (const [k, v] of Object.entries(jsonSchema)) {
      if (k === "properties" && v && typeof v === "object") for (const p of Object.keys(v)) out.add(p);
      propertyNames(v, out);
    }
  }
  return out;
}

/** Located errors for every issue of `error` on the document of `source`. */
export function schemaErrors(
  source: YamlSource,
  error: z.ZodError,
  knownFields: readonly string[],
): PolicyError[] {
  const out: PolicyError[] = [];
  for (const issue of error.issues) {
    const path = issue.path as PropertyKey[];
    const ruleId = source.ruleIdAt(path);
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const hint = suggest(key, knownFields);
        const message = `unknown field "${key}" in ${formatPath(path)}${hint ? ` (did you mean "${hint}"?)` : ""}`;
        out.push(policyError(source.file, source.positionOfKey(path, key), message, ruleId));
      }
      continue;
    }
    const missing = issue.code !== "custom" && path.length > 0 && valueAt(source.value, path) === undefined;
    const field = String(path.at(-1) ?? "");
    const message = missing
      ? `missing required field "${field}" in ${formatPath(path.slice(0, -1))}`
      : `${formatPath(path)}: ${issue.message}`;
    out.push(policyError(source.file, source.positionOf(path), message, ruleId));
  }
  return out;
}
