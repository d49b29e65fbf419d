import { type AuditEntry, type AuditRecord, chain, verifyChain } from "../../audit/auditEntry.js";
import type { AuditLog } from "../../domain/ports.js";

export class MemoryAuditLog implements AuditLog {
  /** Exposed for tamper tests. */
  readonly entries: AuditEntry[] = [];

  async append(record: AuditRecord) {
    const entry = chain(this.entries.at(-1), structuredClone(record));
    this.entries.push(entry);
    return structuredClone(entry);
  }
  async read(filter: { conversationId?: string } = {}) {
    return this.entries
      .filter((e) => filter.conversationId === undefined || e.conversationId === filter.conversationId)
      .map((e) => structuredClone(e));
  }
  async verify() {
    return verifyChain(this.entries);
  }
}
