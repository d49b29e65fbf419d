/**
 * The PostgreSQL audit trail verifies like the file one: an edited entry, a deleted tail and a
 * forged anchor are found; an instance with another audit key is refused at open; the trail read
 * by `openPostgresAuditLog` (for `fairexit audit verify`) is the one the instances wrote.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { openPostgresAuditLog } from "../../src/adapters/postgres/pgAuditLog.js";
import { openPostgresStore, type PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { silentLogger } from "../../src/domain/logger.js";
import {
  AUDIT_KEY,
  createTestDatabase,
  describePostgres,
  openTestStore,
  type TestDatabase,
} from "../support/postgres.js";

let t: TestDatabase;
let store: PostgresStore;
const at = "2026-11-23T10:00:00.000Z";

describePostgres("the PostgreSQL audit trail", () => {
  beforeEach(async () => {
    t = await createTestDatabase();
    store = await openTestStore(t.url);
    await store.audit.appendAll(
      ["decision", "confirmation", "receipt"].map((kind) => ({
        at,
        conversationId: "conv-audit-1",
        kind: kind as "decision",
        data: { n: kind },
      })),
    );
  });
  afterEach(async () => {
    await store.close();
    await t.drop();
  });

  const sql = (text: string) => store.db.query("tampering", text);

  it("verifies what the instances wrote, read as fairexit audit verify reads it", async () => {
    const reader = await openPostgresAuditLog(t.url, AUDIT_KEY, silentLogger);
    try {
      expect(await reader.log.verify()).toEqual([]);
      expect((await reader.log.read()).map((e) => e.kind)).toEqual(["decision", "confirmation", "receipt"]);
    } finally {
      await reader.close();
    }
  });

  it("finds an edited entry", async () => {
    await sql(
      `UPDATE audit_entries SET entry = replace(entry, '"n":"confirmation"', '"n":"declined"') WHERE seq = 1`,
    );
    expect((await store.audit.verify()).map((p) => p.problem)).toContainEqual(
      expect.stringContaining("content does not match its hash"),
    );
  });

  it("finds a deleted tail, and refuses to open on it", async () => {
    await sql("DELETE FROM audit_entries WHERE seq = 2");
    expect((await store.audit.verify()).map((p) => p.problem)).toContainEqual(
      expect.stringContaining("entries deleted from the end"),
    );
    await expect(openTestStore(t.url)).rejects.toThrow(/the trail ends at 1 but its anchor says 2/);
  });

  it("finds an anchor moved without the key", async () => {
    await sql("DELETE FROM audit_entries WHERE seq = 2");
    await sql(
      "UPDATE audit_anchor SET seq = 1, hash = (SELECT entry::json->>'hash' FROM audit_entries WHERE seq = 1)",
    );
    expect((await store.audit.verify()).map((p) => p.problem)).toContainEqual(
      expect.stringContaining("the anchor is not signed with the audit key"),
    );
  });

  it("refuses an instance started with another audit key", async () => {
    await expect(
      openPostgresStore(t.url, { auditKey: "another-key-another-key-another-key", logger: silentLogger }),
    ).rejects.toThrow(/not hashed with this audit key: this instance has another FAIREXIT_AUDIT_KEY/);
  });
});
