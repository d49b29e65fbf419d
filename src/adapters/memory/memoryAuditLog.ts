/**
 * The audit trail in memory: chained with a random key drawn per log (it lives and dies with
 * the process, so nothing outside it ever needs the key).
 */
import { randomBytes } from "node:crypto";
import { AuditKey, chain, verifyChain } from "../../audit/auditChain.js";
import type { AuditEntry, AuditRecord } from "../../domain/auditEntry.js";
import { frozenCopy } from "../../domain/deepFreeze.js";
import type { AuditLog } from "../../domain/ports.js";

export class MemoryAuditLog implements AuditLog {
  /** Exposed for tamper tests. */
  readonly entries: AuditEntry[] = [];
  private readonly key: AuditKey;

  constructor(secret: string = randomBytes(32).toString("base64url")) {
    this.key = new AuditKey(secret);
  }

  async append(record: AuditRecord) {
    return this.chainOne(record);
  }
  async appendAll(records: readonly AuditRecord[]) {
    return records.map((r) => this.chainOne(r));
  }
  private chainOne(record: AuditRecord): AuditEntry {
    const { at, conversationId, kind, data } = record;
    // Its data frozen all the way down, the entry itself needs only freezing.
    const entry = Object.freeze(
      chain(this.entries.at(-1), { at, conversationId, kind, data: frozenCopy(data) }, this.key),
    );
    this.entries.push(entry);
    return entry;
  }
  async read(filter: { conversationId?: string } = {}) {
    return this.entries.filter(
      (e) => filter.conversationId === undefined || e.conversationId === filter.conversationId,
    );
  }
  async verify() {
    return verifyChain(this.entries, this.key);
  }
}
