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
    return this.log.append({
      at: this.clock.now().toISOString(),
      conversationId,
      kind,
      // Frozen all the way down: the log keeps it without copying it again.
      data: deepFreeze(maskPii(data, this.fields, this.salt)),
    });
  }
}
