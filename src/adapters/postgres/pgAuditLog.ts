/**
 * The audit trail in PostgreSQL: one hash chain for every instance. Appending takes a
 * transaction-scoped advisory lock, reads the last entry, chains the new ones after it with the
 * audit key, and moves the signed anchor on, all in one transaction: two instances appending at
 * once are chained one after the other, never forked, and a deleted tail is found by `verify`.
 *
 * Group commit: appends made while this instance's previous append is in flight wait and go
 * together in the next transaction (one lock, one read of the end, one insert, one anchor move
 * for all of them), so the chain's lock changes hands once per batch, not once per record, and
 * a busy instance does not queue its own appends behind each other on the lock. Each caller gets
 * its own entries back, in its order; a batch that fails fails every append in it (nothing of it
 * is written: one transaction), and the next batch starts afresh.
 */
import { AuditKey, anchorFor, chain, checkHash, verifyChain } from "../../audit/auditChain.js";
import { AuditEntry, type AuditRecord, type ChainProblem } from "../../domain/auditEntry.js";
import { deepFreeze } from "../../domain/deepFreeze.js";
import type { Logger } from "../../domain/logger.js";
import { type AuditLog, StoreError } from "../../domain/ports.js";
import { Database } from "./database.js";
import { readDocument } from "./jsonDocument.js";

/** The advisory lock key of the chain's end. */
export const AUDIT_CHAIN_LOCK = 7_263_041_002;

interface Waiting {
  records: readonly AuditRecord[];
  resolve(entries: AuditEntry[]): void;
  reject(e: unknown): void;
}

export class PgAuditLog implements AuditLog {
  private readonly key: AuditKey;
  /** Appends waiting for the batch in flight to commit. */
  private waiting: Waiting[] = [];
  private writing = false;

  private constructor(
    private readonly db: Database,
    key: AuditKey,
  ) {
    this.key = key;
  }

  /** The trail as it is, for reading and verifying: nothing checked or written at open. */
  static forReading(db: Database, secret: string): PgAuditLog {
    return new PgAuditLog(db, new AuditKey(secret));
  }

  /**
   * Opens the trail: a new one gets its signed anchor at once (so a missing anchor is never
   * normal); an existing one must end at its anchor and be keyed with this key (an instance
   * started with another FAIREXIT_AUDIT_KEY or FAIREXIT_SECRET is refused, not let fork the chain).
   */
  static async open(db: Database, secret: string): Promise<PgAuditLog> {
    const log = new PgAuditLog(db, new AuditKey(secret));
    await db.transaction("opening the audit trail", async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
      const last = await client.query<{ entry: string }>(
        "SELECT entry FROM audit_entries ORDER BY seq DESC LIMIT 1",
      );
      const anchor = await client.query<{ seq: string }>("SELECT seq FROM audit_anchor");
      const entry = last.rows[0]
        ? readDocument<AuditEntry>(AuditEntry, last.rows[0].entry, "the last audit entry")
        : undefined;
      if (!entry && !anchor.rows[0]) {
        const a = anchorFor(undefined, log.key);
        await client.query("INSERT INTO audit_anchor (only_row, seq, hash, mac) VALUES (true, $1, $2, $3)", [
          a.seq,
          a.hash,
          a.mac,
        ]);
        return;
      }
      const problem = !anchor.rows[0]
        ? "the audit anchor row is missing"
        : Number(anchor.rows[0].seq) !== (entry?.seq ?? -1)
          ? `the trail ends at ${entry?.seq ?? "nothing"} but its anchor says ${anchor.rows[0].seq}`
          : entry && checkHash(entry, log.key) !== "keyed"
            ? "the last entry is not hashed with this audit key: this instance has another FAIREXIT_AUDIT_KEY or FAIREXIT_SECRET than the one that wrote it"
            : undefined;
      if (problem)
        throw new StoreError(
          "invalid_data",
          `${db.where}: ${problem}. Restore the audit tables from a backup, or start with the right key (fairexit db audit-verify lists the problems)`,
        );
    });
    return log;
  }

  async append(record: AuditRecord): Promise<AuditEntry> {
    const [entry] = await this.appendAll([record]);
    return entry!;
  }

  appendAll(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    if (records.length === 0) return Promise.resolve([]);
    return new Promise((resolve, reject) => {
      this.waiting.push({ records, resolve, reject });
      if (!this.writing) void this.writeWaiting();
    });
  }

  /** Writes what waits, batch after batch, until nothing does. */
  private async writeWaiting(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          const entries = await this.write(batch.flatMap((w) => w.records));
          let from = 0;
          for (const w of batch) {
            w.resolve(entries.slice(from, from + w.records.length));
            from += w.records.length;
          }
        } catch (e) {
          for (const w of batch) w.reject(e);
        }
      }
    } finally {
      this.writing = false;
    }
  }

  /** One transaction: the lock, the end of the chain, the new entries and the anchor. */
  private write(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    return this.db.transaction("appending to the audit trail", async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1)", [AUDIT_CHAIN_LOCK]);
      const { rows } = await client.query<{ entry: string }>(
        "SELECT entry FROM audit_entries ORDER BY seq DESC LIMIT 1",
      );
      let last = rows[0]
        ? readDocument<AuditEntry>(AuditEntry, rows[0].entry, "the last audit entry")
        : undefined;
      const entries: AuditEntry[] = [];
      for (const r of records) {
        last = chain(
          last,
          { at: r.at, conversationId: r.conversationId, kind: r.kind, data: r.data },
          this.key,
        );
        entries.push(last);
      }
      await client.query(
        `INSERT INTO audit_entries (seq, conversation_id, entry)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[])`,
        [
          entries.map((e) => e.seq),
          entries.map((e) => e.conversationId),
          entries.map((e) => JSON.stringify(e)),
        ],
      );
      const anchor = anchorFor(last, this.key);
      await client.query(
        `INSERT INTO audit_anchor (only_row, seq, hash, mac) VALUES (true, $1, $2, $3)
         ON CONFLICT (only_row) DO UPDATE SET seq = EXCLUDED.seq, hash = EXCLUDED.hash, mac = EXCLUDED.mac`,
        [anchor.seq, anchor.hash, anchor.mac],
      );
      return entries.map((e) => deepFreeze(e));
    });
  }

  async read(filter: { conversationId?: string } = {}): Promise<AuditEntry[]> {
    const { rows } = await this.db.query<{ seq: string; entry: string }>(
      "reading the audit trail",
      `SELECT seq, entry FROM audit_entries WHERE $1::text IS NULL OR conversation_id = $1 ORDER BY seq`,
      [filter.conversationId ?? null],
    );
    return rows.map((r) => readDocument<AuditEntry>(AuditEntry, r.entry, `audit entry ${r.seq}`));
  }

  /** The whole chain with the key, and its end against the signed anchor. */
  async verify(): Promise<ChainProblem[]> {
    const problems: ChainProblem[] = [];
    const { rows } = await this.db.query<{ seq: string; entry: string }>(
      "reading the audit trail",
      "SELECT seq, entry FROM audit_entries ORDER BY seq",
    );
    const entries: AuditEntry[] = [];
    rows.forEach((r, i) => {
      const parsed = safeEntry(r.entry);
      if (parsed) entries.push(parsed);
      else
        problems.push({
          seq: Number(r.seq),
          position: i + 1,
          problem: `entry ${r.seq} is not an audit entry`,
        });
    });
    const anchor = await this.db.query<{ seq: string; hash: string; mac: string }>(
      "reading the audit anchor",
      "SELECT seq, hash, mac FROM audit_anchor",
    );
    const a = anchor.rows[0];
    const read = a
      ? { found: true as const, anchor: { seq: Number(a.seq), hash: a.hash, mac: a.mac } }
      : {
          found: false as const,
          problem: "the audit anchor row is missing: the end of the trail cannot be checked",
        };
    return [...problems, ...verifyChain(entries, this.key, read)];
  }
}

function safeEntry(text: string): AuditEntry | undefined {
  try {
    const parsed = AuditEntry.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL audit trail for reading and verifying only (`fairexit audit verify` while
 * instances run): nothing is written, the end is not checked at open (verify reports it).
 */
export async function openPostgresAuditLog(
  url: string,
  secret: string,
  logger: Logger,
): Promise<{ log: AuditLog; where: string; close(): Promise<void> }> {
  const db = await Database.connect(url, logger, { maxConnections: 2 });
  return { log: PgAuditLog.forReading(db, secret), where: db.where, close: () => db.close() };
}
