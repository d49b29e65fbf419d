/**
 * One line of `fairexit audit show`: sequence, time, kind (padded to the longest kind, so the
 * data column lines up for `identity_cooldown` and `assist_session` too) and the data as JSON.
 */
import { type AuditEntry, AuditKind } from "../../domain/auditEntry.js";

/** The width of the kind column: the longest kind there is. */
export const KIND_WIDTH = Math.max(...AuditKind.options.map((k) => k.length));

export function auditShowLine(e: Pick<AuditEntry, "seq" | "at" | "kind" | "data">): string {
  return `#${e.seq}  ${e.at}  ${e.kind.padEnd(KIND_WIDTH)} ${JSON.stringify(e.data)}\n`;
}
