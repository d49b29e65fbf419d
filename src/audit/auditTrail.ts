/**
 * What features call to record something for the audit trail: masks personal data, stamps the
 * time from the Clock port, appends to the store's AuditLog.
 */
import { deepFreeze } from "../domain/deepFreeze.js";
import type { AuditLog, Clock } from "../domain/ports.js";
import type { AuditEntry, AuditKind } from "./auditEntry.js";
import { DEFAULT_MASKED_FIELDS, maskPii } from "./maskPii.js";

export interface AuditTrailOptions {
  /** Fields masked wherever they appear in a record's data. */
  maskedFields?: readonly string[];
  /** Salt for mask tokens, so tokens cannot be matched across deployments. */
  maskSalt?: string;
}

export class AuditTrail {
  private readonly fields: readonly string[];
  private readonly salt: string;

  constructor(
    private readonly log: AuditLog,
    private readonly clock: Clock,
    options: AuditTrailOptions = {},
  ) {
    this.fields = options.maskedFields ?? DEFAULT_MASKED_FIELDS;
    this.salt = options.maskSalt ?? "fairexit";
  }

  record(conversationId: string, kind: AuditKind, data: Record<string, unknown>): Promise<AuditEntry> {
    return this.log.append(this.masked(conversationId, kind, data, this.clock.now().toISOString()));
  }

  /** Several records of one conversation, in order, stamped with one time and written together. */
  recordAll(
    conversationId: string,
    records: readonly { kind: AuditKind; data: Record<string, unknown> }[],
  ): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    const at = this.clock.now().toISOString();
    return this.log.appendAll(records.map((r) => this.masked(conversationId, r.kind, r.data, at)));
  }

  private masked(conversationId: string, kind: AuditKind, data: Record<string, unknown>, at: string) {
    // Frozen all the way down: the log keeps it without copying it again.
    return { at, conversationId, kind, data: deepFreeze(maskPii(data, this.fields, this.salt)) };
  }
}
