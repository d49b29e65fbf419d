/**
 * A connection the server closes while a transaction holds it, between two statements (a
 * PostgreSQL restart, pg_terminate_backend), emits "error" on the pg client with no query to
 * fail. Without a listener that is an uncaught exception: the whole FairExit process would end.
 * The transaction must fail (as unavailable: 503 with Retry-After), the pool carry on.
 * Found by CI: test/postgres/unavailable.test.ts ended with "Connection terminated unexpectedly".
 */
import { expect, it } from "vitest";
import { databaseOf } from "../../src/adapters/postgres/pgStore.js";
import { retryAfterOf } from "../../src/domain/unavailable.js";
import {
  aTestDatabaseForThisFile,
  describePostgres,
  openTestStore,
  terminateConnections,
} from "../support/postgres.js";

const database = aTestDatabaseForThisFile();

describePostgres("a connection lost in the middle of a transaction", () => {
  it("fails that transaction as unavailable, ends nothing else, and the pool serves the next query", async () => {
    const db = await database();
    const store = await openTestStore(db.url);
    const pg = databaseOf(store)!;
    const uncaught: unknown[] = [];
    const record = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", record);
    try {
      const attempt = pg.transaction("testing a lost connection", async (client) => {
        await client.query("SELECT 1");
        expect(await terminateConnections(db.name)).toBeGreaterThan(0);
        // Between two statements: no query is running when the connection goes.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await client.query("SELECT 1");
      });
      const failure = await attempt.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(failure).toBeInstanceOf(Error);
      expect(retryAfterOf(failure)).toBeGreaterThan(0);
      const after = await pg.query<{ n: number }>("checking the pool", "SELECT 1 AS n");
      expect(after.rows[0]?.n).toBe(1);
    } finally {
      process.off("uncaughtException", record);
      await store.close();
    }
    expect(uncaught).toEqual([]);
  });
});
