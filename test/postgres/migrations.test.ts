/**
 * Versioned migrations: applied once however many instances start together, recorded with their
 * checksum; an edited migration, a database from a newer FairExit, and (FAIREXIT_DB_MIGRATE=manual)
 * an unmigrated database are refused with what to do.
 */
import { expect, it } from "vitest";
import { Database } from "../../src/adapters/postgres/database.js";
import { migrate, shippedMigrations } from "../../src/adapters/postgres/migrations.js";
import { openPostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { silentLogger } from "../../src/domain/logger.js";
import { AUDIT_KEY, createTestDatabase, describePostgres } from "../support/postgres.js";

describePostgres("PostgreSQL migrations", () => {
  it("applies each migration once when five instances migrate at the same moment", async () => {
    const t = await createTestDatabase();
    const dbs = await Promise.all(Array.from({ length: 5 }, () => Database.connect(t.url, silentLogger)));
    try {
      const reports = await Promise.all(dbs.map((db) => migrate(db)));
      const shipped = shippedMigrations().map((m) => `${String(m.version).padStart(4, "0")}_${m.name}`);
      expect(reports.flatMap((r) => r.applied)).toEqual(shipped);
      const { rows } = await dbs[0]!.query<{ version: number }>(
        "reading",
        "SELECT version FROM schema_migrations",
      );
      expect(rows).toHaveLength(shipped.length);
    } finally {
      await Promise.all(dbs.map((db) => db.close()));
      await t.drop();
    }
  });

  it("refuses an edited migration, a newer database, and an unmigrated one when migrating is manual", async () => {
    const t = await createTestDatabase();
    const db = await Database.connect(t.url, silentLogger);
    try {
      await expect(
        openPostgresStore(t.url, { auditKey: AUDIT_KEY, logger: silentLogger, migrate: false }),
      ).rejects.toThrow(/is at schema version 0, this FairExit needs \d+: run fairexit db migrate/);
      await migrate(db);
      const shipped = shippedMigrations();
      const edited = shipped.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(migrate(db, edited)).rejects.toThrow(
        /migration 0001_store was changed after it was applied: never edit an applied migration/,
      );
      await expect(migrate(db, shipped.slice(0, 1))).rejects.toThrow(
        /migration 0002_execution was applied by a newer FairExit than this one/,
      );
    } finally {
      await db.close();
      await t.drop();
    }
  });
});
