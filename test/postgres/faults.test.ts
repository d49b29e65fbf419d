/**
 * PostgreSQL failing: down at start (a clear error naming DATABASE_URL's host, never its
 * password), connections ended under FairExit's feet (pg_terminate_backend, as a server restart
 * does): the query in flight fails as DatabaseUnavailableError (503, retry), the process lives
 * on, and the next call works without restarting anything.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { DatabaseUnavailableError } from "../../src/adapters/postgres/databaseErrors.js";
import { databaseOf } from "../../src/adapters/postgres/pgStore.js";
import { type App, createApp, openConfiguredStore } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ConfigError } from "../../src/domain/configError.js";
import { silentLogger } from "../../src/domain/logger.js";
import { aTestDatabaseForThisFile, describePostgres, terminateConnections } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";

const SECRET = "test-secret-for-the-postgres-fault-tests";

it("refuses a DATABASE_URL that is not a postgres:// URL without echoing it, and one without FAIREXIT_SECRET", () => {
  expect(() => loadConfig({ DATABASE_URL: "mysql://root:hunter2@db/x", FAIREXIT_SECRET: SECRET })).toThrow(
    /^DATABASE_URL: expected a postgres:\/\/ URL.*\(got a value of 25 characters\)$/,
  );
  expect(() => loadConfig({ DATABASE_URL: "postgres://db/x" })).toThrow(
    /^FAIREXIT_SECRET: required when DATABASE_URL is set/,
  );
});

it("says which PostgreSQL it cannot reach, naming host, port, database and user but not the password", async () => {
  const config = loadConfig(
    {
      DATABASE_URL: "postgres://fairexit:pa55word-never-shown@127.0.0.1:1/fairexit",
      FAIREXIT_SECRET: SECRET,
    },
    repoRoot,
  );
  const failure = await openConfiguredStore(config, silentLogger).then(
    () => undefined,
    (e: unknown) => e as Error,
  );
  expect(failure).toBeInstanceOf(ConfigError);
  expect(failure!.message).toMatch(
    /^DATABASE_URL: cannot connect to PostgreSQL at postgres:\/\/fairexit@127\.0\.0\.1:1\/fairexit: .*ECONNREFUSED/,
  );
  expect(failure!.message).not.toContain("pa55word");
});

const database = aTestDatabaseForThisFile();

describePostgres("PostgreSQL going away under a running FairExit", () => {
  let app: App;
  beforeAll(async () => {
    const config = loadConfig(
      { DATABASE_URL: (await database()).url, FAIREXIT_SECRET: SECRET, LOG_LEVEL: "silent" },
      repoRoot,
    );
    app = await createApp(config);
  });
  afterAll(async () => {
    await app?.close();
  });

  it("answers the next call after every connection was ended, without a restart", async () => {
    const before = await app.engine.receive("conv-fault-1", "I want to cancel");
    expect(before.messages.length).toBeGreaterThan(0);
    expect(await terminateConnections((await database()).name)).toBeGreaterThan(0);
    // The pool notices its connections were closed and opens new ones (at most one call fails, cleanly).
    const next = await app.store.customers.count().catch((e: unknown) => e);
    if (next instanceof Error) expect(next).toBeInstanceOf(DatabaseUnavailableError);
    expect(await app.store.customers.count()).toBeGreaterThan(0);
    const after = await app.engine.receive("conv-fault-1", "UK318826");
    expect(after.messages.map((m) => m.text).join(" ")).toMatch(/postcode/i);
  });

  it("fails the query in flight as DatabaseUnavailableError (503, retry) and carries on", async () => {
    const db = databaseOf(app.store)!;
    const slow = db.query("sleeping", "SELECT pg_sleep(10)").then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    for (let i = 0; i < 50; i++) {
      const { rows } = await db.query<{ n: number }>(
        "watching",
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(10)' AND state = 'active'",
      );
      if (rows[0]!.n > 0) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    await terminateConnections((await database()).name);
    const failure = await slow;
    expect(failure).toBeInstanceOf(DatabaseUnavailableError);
    expect(failure).toMatchObject({ statusCode: 503, retryAfterSeconds: 5 });
    expect(failure!.message).toMatch(
      /^sleeping: PostgreSQL at postgres:\/\/postgres@127\.0\.0\.1:5432\/fairexit_test_/,
    );
    await app.store.customers.count().catch(() => 0); // a connection the pool has not yet dropped may fail once
    expect(await app.store.conversations.count()).toBeGreaterThan(0);
    expect(await app.store.audit.verify()).toEqual([]);
  });
});
