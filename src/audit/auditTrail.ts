/**
 * What features call to record something for the audit trail: masks personal data, stamps the
 * time from the Clock port, appends to the store's AuditLog.
 */

import type { AuditEntry, AuditKind } from "../domain/auditEntry.js";
import { deepFreeze } from "../domain/deepFreeze.js";
import type { AuditLog, Clock } from "../domain/ports.js";
import { DEFAULT_MASKED_FIELDS, maskPii } from "./maskPii.js";
import { RecentEntries, type RecentQuery } from "./recentEntries.js";

export interface AuditTrailOptions {
  /** Fields masked wherever they appear in a record's data. */
  maskedFields?: readonly string[];
  /** Salt for mask tokens, so tokens cannot be matched across deployments. */
  maskSalt?: string;
}

export class AuditTrail {
  private readonly fields: readonly string[];
  private readonly salt: string;
  private readonly recent: RecentEntries;

  constructor(
    private readonly log: AuditLog,
    private readonly clock: Clock,
    options: AuditTrailOptions = {},
  ) {
    this.fields = options.maskedFields ?? DEFAULT_MASKED_FIELDS;
    this.salt = options.maskSalt ?? "fairexit";
    this.recent = new RecentEntries(log);
  }

  async record(conversationId: string, kind: AuditKind, data: Record<string, unknown>): Promise<AuditEntry> {
    const entry = await this.log.append(
      this.masked(conversationId, kind, data, this.clock.now().toISOString()),
    );
    this.recent.noteAppended([entry]);
    return entry;
  }

  /**
   * How many entries matching `query` whose `query.field` was `value` (masked as the trail
   * stores it) were recorded at or after `since`, across conversations (and restarts, for a
   * store that keeps its log); and one more reserved for the check about to run, so that checks
   * in other conversations at the same moment count it before its entry is written (a burst of
   * guesses cannot all pass). Recording the matching entry takes the reservation's place; call
   * `release` when the check succeeded and no entry follows.
   */
  beginAttempt(query: RecentQuery, value: string, since: Date): Promise<{ before: number; release(): void }> {
    return this.recent.reserve(query, this.stored(query.field, value), since, this.clock.now());
  }

  /** `value` as the trail stores it under `field` (masked when the field is). */
  private stored(field: string, value: string): string {
    return String(maskPii({ [field]: value }, this.fields, this.salt)[field]);
  }

  /** Several records of one conversation, in order, stamped with one time and written together. */
  recordAll(
    conversationId: string,
    records: readonly { kind: AuditKind; data: Record<string, unknown> }[],
  ): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    const at = this.clock.now().toISOString();
    return this.log
      .appendAll(records.map((r) => this.masked(conversationId, r.kind, r.data, at)))
      .then((entries) => {
        this.recent.noteAppended(entries);
        return entries;
      });
  }

  private masked(conversationId: string, kind: AuditKind, data: Record<string, unknown>, at: string) {
    // Frozen all the way down: the log keeps it without copying it again.
    return { at, conversationId, kind, data: deepFreeze(maskPii(data, this.fields, this.salt)) };
  }
}
