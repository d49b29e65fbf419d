/**
 * The policy revision: a content hash of the packs as data, so reformatting a file or editing
 * a comment keeps the revision, and any change to what the policy says changes it. Every
 * decision records it.
 */
import { createHash } from "node:crypto";

/** JSON with object keys sorted, so equal data gives equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

/** `sha256:` and the first 16 hex digits of the hash of the packs, sorted by name. */
export function policyRevision(packs: readonly { name: string; data: unknown }[]): string {
  const sorted = [...packs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const hash = createHash("sha256")
    .update(canonicalJson(sorted.map((p) => [p.name, p.data])))
    .digest("hex");
  return `sha256:${hash.slice(0, 16)}`;
}
