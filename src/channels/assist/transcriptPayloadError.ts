/**
 * A transcript payload a source sent that FairExit cannot read: the message names the field
 * (e.g. `Segments[2].Transcript.ParticipantRole: expected AGENT or CUSTOMER`), so whoever
 * wired the platform sees at once what to fix. The HTTP routes answer it with 400 and store
 * nothing.
 */
import type { z } from "zod";

export class TranscriptPayloadError extends Error {
  constructor(
    /** Where in the payload, e.g. `events[0].speaker`; "body" for the whole payload. */
    readonly field: string,
    readonly problem: string,
  ) {
    super(`${field}: ${problem}`);
    this.name = "TranscriptPayloadError";
  }
}

/** `a.b[2].c` from a zod issue path. */
export function fieldPath(path: readonly PropertyKey[], prefix = ""): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "body" : out;
}

/** Parses `value` with `schema` or throws a TranscriptPayloadError naming the first bad field. */
export function parsePayload<S extends z.ZodType>(schema: S, value: unknown, prefix = ""): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new TranscriptPayloadError(fieldPath(issue.path, prefix), issue.message);
}
