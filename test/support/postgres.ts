/**
 * PostgreSQL for tests: the server the machine provides (127.0.0.1:5432, user postgres, trust
 * authentication; FAIREXIT_TEST_PG_URL overrides), a database of its own per test file
 * (`fairexit_test_<random>`), created on demand and dropped at the end, so runs never see each
 * other's data.
 *
 * FAIREXIT_PG_TESTS: unset = run when the server answers, else skip saying why; `off` = skip;
 * `required` (CI, .ci/run) = fail when the server does not answer.
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, describe } from "vitest";
import { openPostgresStore, type PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { silentLogger } from "../../src/domain/logger.js";

const ADMIN_URL = process.env.FAIREXIT_TEST_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const AUDIT_KEY = "test-audit-key-for-the-postgres-tests-000";

export interface PostgresAvailability {
  available: boolean;
  reason: string;
}

async function probe(): Promise<PostgresAvailability> {
  const mode = process.env.FAIREXIT_PG_TESTS;
  if (mode === "off") return { available: false, reason: "FAIREXIT_PG_TESTS=off" };
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return { available: true, reason: "" };
  } catch (e) {
    const reason = `no PostgreSQL at ${ADMIN_URL} (${(e as Error).message}); start it with pg_ctlcluster --skip-systemctl-redirect <version> main start`;
    if (mode === "required") throw new Error(`FAIREXIT_PG_TESTS=required but ${reason}`);
    return { available: false, reason };
  } finally {
    await client.end().catch(() => {});
  }
}

export const postgres: PostgresAvailability = await probe();

/** `describe` when PostgreSQL is there; otherwise a skipped one whose title says why. */
export function describePostgres(title: string, body: () => void): void {
  if (postgres.available) describe(title, body);
  else describe.skip(`${title} (skipped: ${postgres.reason})`, body);
}

async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  url: string;
  name: string;
  /** Empties every table FairExit made (keeps the schema): a fresh store for the next test. */
  empty(): Promise<void>;
  drop(): Promise<void>;
}

/** A new database `fairexit_test_<random>`; call `drop` when done (or use `aTestDatabaseForThisFile`). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `fairexit_test_${randomBytes(6).toString("hex")}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  const url = u.toString();
  return {
    url,
    name,
    async empty() {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        const { rows } = await c.query<{ t: string }>(
          "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'",
        );
        if (rows.length > 0)
          await c.query(`TRUNCATE ${rows.map((r) => `"${r.t}"`).join(", ")} RESTART IDENTITY CASCADE`);
      } finally {
        await c.end();
      }
    },
    async drop() {
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** One database for the calling test file, created at first use and dropped after its last test. */
export function aTestDatabaseForThisFile(): () => Promise<TestDatabase> {
  let created: Promise<TestDatabase> | undefined;
  afterAll(async () => {
    if (created) await (await created).drop();
  });
  return () => {
    created ??= createTestDatabase();
    return created;
  };
}

/** Opens the PostgreSQL store on `url` with the test audit key (migrating it). */
export function openTestStore(url: string): Promise<PostgresStore> {
  return openPostgresStore(url, { auditKey: AUDIT_KEY, logger: silentLogger, maxConnections: 5 });
}

/** Ends every other connection to `database` (what a PostgreSQL restart does to FairExit's pool). */
export async function terminateConnections(database: string): Promise<number> {
  return admin(async (c) => {
    const { rows } = await c.query<{ n: number }>(
      "SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()",
      [database],
    );
    return rows[0]?.n ?? 0;
  });
}
