import { type AuditEntry, type AuditRecord, chain, verifyChain } from "../../audit/auditEntry.js";
import { deepFreeze, frozenCopy } from "../../domain/deepFreeze.js";
import type { AuditLog } from "../../domain/ports.js";

export class MemoryAuditLog implements AuditLog {
  /** Exposed for tamper tests. */
  readonly entries: AuditEntry[] = [];

  async append(record: AuditRecord) {
    const entry = deepFreeze(chain(this.entries.at(-1), frozenCopy(record)));
    this.entries.push(entry);
    return entry;
  }
  async read(filter: { conversationId?: string } = {}) {
    return this.entries.filter(
      (e) => filter.conversationId === undefined || e.conversationId === filter.conversationId,
    );
  }
  async verify() {
    return verifyChain(this.entries);
  }
}
