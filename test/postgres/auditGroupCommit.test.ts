/**
 * Group commit of the PostgreSQL audit trail: appends made while one is in flight go together in
 * the next transaction. Every caller gets its own entries, in its order; the chain verifies; two
 * instances appending at once still chain one after the other; a batch that fails fails every
 * append in it, writes nothing, and the next batch is written.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import type { PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import type { AuditRecord } from "../../src/domain/auditEntry.js";
import {
  createTestDatabase,
  describePostgres,
  openTestStore,
  type TestDatabase,
} from "../support/postgres.js";

let t: TestDatabase;
let a: PostgresStore;
let b: PostgresStore;
const at = "2026-11-23T10:00:00.000Z";
const record = (conversationId: string, n: number): AuditRecord => ({
  at,
  conversationId,
  kind: "decision",
  data: { n },
});

/** Transactions committed in the test database so far (PostgreSQL's own counter). */
async function commits(): Promise<number> {
  await a.db.query("flushing statistics", "SELECT pg_stat_clear_snapshot()");
  const { rows } = await a.db.query<{ n: string }>(
    "counting commits",
    "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()",
  );
  return Number(rows[0]!.n);
}

describePostgres("the PostgreSQL audit trail's group commit", () => {
  beforeEach(async () => {
    t = await createTestDatabase();
    a = await openTestStore(t.url);
    b = await openTestStore(t.url);
  });
  afterEach(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await t.drop();
  });

  it("gives each of 200 appends made at once its own entries, in order, in far fewer transactions", async () => {
    const before = await commits();
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        a.audit.appendAll([record(`conv-${i}`, 2 * i), record(`conv-${i}`, 2 * i + 1)]),
      ),
    );
    const transactions = (await commits()) - before;
    results.forEach((entries, i) => {
      expect(entries.map((e) => e.conversationId)).toEqual([`conv-${i}`, `conv-${i}`]);
      expect(entries.map((e) => e.data)).toEqual([{ n: 2 * i }, { n: 2 * i + 1 }]);
      expect(entries[1]!.seq).toBe(entries[0]!.seq + 1);
    });
    const seqs = results.flat().map((e) => e.seq);
    expect(new Set(seqs).size).toBe(400);
    expect(await a.audit.verify()).toEqual([]);
    // One append starts alone; the 199 that arrive while it is in flight go in the next batch.
    expect(transactions).toBeLessThan(20);
  });

  it("chains the batches of two instances one after the other, never forked", async () => {
    await Promise.all(
      Array.from({ length: 100 }, (_, i) => (i % 2 ? a : b).audit.append(record(`conv-two-${i}`, i))),
    );
    const entries = await a.audit.read();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(await b.audit.verify()).toEqual([]);
  });

  it("fails every append of a failed batch, writes none of it, and writes the next batch", async () => {
    await a.audit.append(record("conv-first", 0));
    // A trigger refuses the next insert once: the batch in flight and everything batched with it fail.
    await a.db.query(
      "arming a failure",
      `CREATE SEQUENCE fail_once; -- nextval is not rolled back with the failed transaction
       CREATE FUNCTION refuse_once() RETURNS trigger AS $$
       BEGIN
         IF nextval('fail_once') = 1 THEN
           RAISE EXCEPTION 'refused once by the test';
         END IF;
         RETURN NEW;
       END $$ LANGUAGE plpgsql;
       CREATE TRIGGER refuse_once BEFORE INSERT ON audit_entries FOR EACH STATEMENT EXECUTE FUNCTION refuse_once();`,
    );
    const failed = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => a.audit.append(record(`conv-fail-${i}`, i))),
    );
    const rejected = failed.filter((r) => r.status === "rejected").length;
    expect(rejected).toBeGreaterThan(0);
    // The trigger fired once; whatever was not in the failed batch was written after it.
    const after = await a.audit.append(record("conv-after", 99));
    const written = await a.audit.read();
    expect(written.filter((e) => e.conversationId.startsWith("conv-fail-"))).toHaveLength(5 - rejected);
    expect(written.at(-1)?.seq).toBe(after.seq);
    expect(written.map((e) => e.seq)).toEqual(Array.from({ length: written.length }, (_, i) => i));
    expect(await a.audit.verify()).toEqual([]);
  });
});
