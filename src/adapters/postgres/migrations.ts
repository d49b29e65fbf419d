/**
 * Versioned SQL migrations: `migrations/NNNN_name.sql`, applied in order, each in its own
 * transaction and recorded in `schema_migrations` with its checksum. The whole run holds a
 * PostgreSQL advisory lock, so two instances starting together apply each migration once (the
 * second waits, then finds nothing to do). A migration changed after it was applied, or a
 * database migrated by a newer FairExit, is refused with what to do.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { PoolClient } from "pg";
import { StoreError } from "../../domain/ports.js";
import type { Database } from "./database.js";
import { storeFailure } from "./databaseErrors.js";

/** The advisory lock key of migrations (any constant shared by every instance). */
export const MIGRATION_LOCK = 7_263_041_001;

export interface Migration {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FOLDER = fileURLToPath(new URL("./migrations/", import.meta.url));
const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/** The migrations shipped with this FairExit, in order. */
export function shippedMigrations(folder = FOLDER): Migration[] {
  return readdirSync(folder)
    .filter((f) => f.endsWith(".sql"))
    .map((file) => {
      const m = FILE_NAME.exec(file);
      if (!m)
        throw new StoreError("invalid_data", `${folder}${file}: expected a name like 0001_what_it_does.sql`);
      const sql = readFileSync(`${folder}${file}`, "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      return { version: Number(m[1]), name: m[2]!, sql, checksum };
    })
    .sort((a, b) => a.version - b.version);
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

const label = (m: Pick<Migration, "version" | "name">) => `${String(m.version).padStart(4, "0")}_${m.name}`;

/** Applies what is missing, under the migration lock. */
export async function migrate(db: Database, migrations = shippedMigrations()): Promise<MigrationReport> {
  let client: PoolClient;
  try {
    client = await db.pool.connect();
  } catch (e) {
    throw storeFailure(e, "migrating the database", db.where);
  }
  // The server closing the connection between two statements must fail the migration, not the process.
  let lost: Error | undefined;
  const onLost = (e: Error) => {
    lost = e;
  };
  client.on("error", onLost);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      "SELECT version, name, checksum FROM schema_migrations ORDER BY version",
    );
    const known = new Map(migrations.map((m) => [m.version, m]));
    for (const row of rows) {
      const shipped = known.get(row.version);
      if (!shipped)
        throw new StoreError(
          "unsupported_version",
          `${db.where}: migration ${label(row)} was applied by a newer FairExit than this one (which knows up to ${label(migrations.at(-1) ?? { version: 0, name: "none" })}): run the newer FairExit`,
        );
      if (shipped.checksum !== row.checksum)
        throw new StoreError(
          "invalid_data",
          `${db.where}: migration ${label(row)} was changed after it was applied: never edit an applied migration, add a new one`,
        );
    }
    const done = new Set(rows.map((r) => r.version));
    const applied: string[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      try {
        await client.query("BEGIN");
        await client.query(m.sql);
        await client.query("INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)", [
          m.version,
          m.name,
          m.checksum,
        ]);
        await client.query("COMMIT");
      } catch (e) {
        await client.query("ROLLBACK").catch(() => {});
        const failure = storeFailure(e, `migration ${label(m)}`, db.where);
        if (failure === e)
          throw new StoreError(
            "invalid_data",
            `${db.where}: migration ${label(m)} failed: ${(e as Error).message}`,
          );
        throw failure;
      }
      applied.push(label(m));
    }
    return { applied, alreadyApplied: done.size };
  } catch (e) {
    throw storeFailure(e, "migrating the database", db.where);
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]).catch(() => {});
    client.removeListener("error", onLost);
    client.release(lost);
  }
}

/** The schema version the database is at and the one this FairExit ships. */
export async function schemaVersion(db: Database): Promise<{ database: number; shipped: number }> {
  const shipped = shippedMigrations().at(-1)?.version ?? 0;
  const exists = await db.query<{ t: string | null }>(
    "reading the schema version",
    "SELECT to_regclass('schema_migrations')::text AS t",
  );
  if (!exists.rows[0]?.t) return { database: 0, shipped };
  const { rows } = await db.query<{ v: number | null }>(
    "reading the schema version",
    "SELECT max(version) AS v FROM schema_migrations",
  );
  return { database: rows[0]?.v ?? 0, shipped };
}
