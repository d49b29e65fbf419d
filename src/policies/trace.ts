/** Building trace entries, and reading them back. */
import type { Decision, TraceEntry } from "./decision.js";

export function traceEntry(
  ruleId: string,
  kind: string,
  matched: boolean,
  why: string,
  serviceId?: string,
): TraceEntry {
  return serviceId === undefined ? { ruleId, kind, matched, why } : { ruleId, kind, matched, why, serviceId };
}

/** `why`, then the notes after semicolons. */
export function withNotes(why: string, notes: readonly string[]): string {
  return notes.length === 0 ? why : `${why}; ${notes.join("; ")}`;
}

/** The packs whose rules made the decision, in precedence order (from the trace). */
export function packsOf(d: Decision): string[] {
  const composed = d.trace.find((t) => t.kind === "rule_set");
  return composed
    ? composed.why
        .replace(/^packs: /, "")
        .split(", ")
        .filter(Boolean)
    : [];
}
