/**
 * The shared-state contracts (one-time tokens, rate buckets) on both implementations: in memory
 * (one instance, so both handles are the same object), and in PostgreSQL, where the two handles
 * are two instances with a connection pool each on one database of this file's own.
 */
import { afterAll, describe, expect, it } from "vitest";
import { MemoryOneTimeTokens } from "../../src/adapters/memory/memoryOneTimeTokens.js";
import { memoryRateBuckets } from "../../src/adapters/memory/memoryRateBuckets.js";
import type { Database } from "../../src/adapters/postgres/database.js";
import { PgOneTimeTokens } from "../../src/adapters/postgres/pgOneTimeTokens.js";
import { type PgRateBucketOptions, pgRateBuckets } from "../../src/adapters/postgres/pgRateBuckets.js";
import { databaseOf, type PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { silentLogger } from "../../src/domain/logger.js";
import { oneTimeTokensContract, rateBucketsContract } from "../contracts/sharedStateContract.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";

const SECRET = "test-secret-for-the-shared-state-contract-0";

describe("shared state in memory (one instance)", () => {
  describe("one-time tokens", () => {
    oneTimeTokensContract(async () => {
      const tokens = new MemoryOneTimeTokens();
      return [tokens, tokens];
    });

    it("forgets a nonce once its token has expired", async () => {
      let now = Date.parse("2026-11-23T10:00:00Z");
      const tokens = new MemoryOneTimeTokens(() => now);
      expect(await tokens.redeem("nonce-expiring-000001", new Date(now + 60_000))).toBe(true);
      now += 61_000;
      expect(await tokens.redeem("nonce-other-00000001", new Date(now + 60_000))).toBe(true);
      expect(await tokens.redeem("nonce-expiring-000001", new Date(now + 60_000))).toBe(true);
    });
  });

  describe("rate buckets", () => {
    rateBucketsContract(
      async () => {
        const buckets = memoryRateBuckets();
        return [buckets, buckets];
      },
      { overshoot: () => 0 },
    );
  });
});

const database = aTestDatabaseForThisFile();
let stores: [PostgresStore, PostgresStore] | undefined;
afterAll(async () => {
  for (const s of stores ?? []) await s.close();
});

/** Two instances' pools on this file's database. */
async function twoPools() {
  const { url } = await database();
  stores ??= [await openTestStore(url), await openTestStore(url)];
  return [databaseOf(stores[0])!, databaseOf(stores[1])!] as const;
}

describePostgres("shared state in PostgreSQL (two instances, one database)", () => {
  describe("one-time tokens", () => {
    oneTimeTokensContract(async () => {
      const [a, b] = await twoPools();
      return [new PgOneTimeTokens(a), new PgOneTimeTokens(b)];
    });

    it("purges the rows of tokens an hour past their expiry when another is redeemed", async () => {
      const [a] = await twoPools();
      const tokens = new PgOneTimeTokens(a);
      const longGone = new Date(Date.now() - 2 * 60 * 60_000);
      expect(await tokens.redeem("nonce-long-expired-0001", longGone)).toBe(true);
      expect(await tokens.redeem("nonce-recent-00000001", new Date(Date.now() + 60_000))).toBe(true);
      const { rows } = await a.query<{ nonce: string }>("reading", "SELECT nonce FROM redeemed_tokens");
      expect(rows.map((r) => r.nonce)).not.toContain("nonce-long-expired-0001");
      expect(rows.map((r) => r.nonce)).toContain("nonce-recent-00000001");
    });
  });

  describe("rate buckets", () => {
    /** One instance's buckets, synced only when the test says so (no timer). */
    const shared = (db: Database, options: Partial<PgRateBucketOptions> = {}) =>
      pgRateBuckets(db, { secret: SECRET, logger: silentLogger, syncMs: 0, ...options });

    rateBucketsContract(
      async () => {
        const [a, b] = await twoPools();
        return [shared(a), shared(b)];
      },
      { overshoot: (perMinute) => perMinute },
    );

    it("sends 200 requests' takes, over two limits and 21 keys, in one statement", async () => {
      const [a] = await twoPools();
      await a.query("emptying the buckets", "DELETE FROM rate_buckets");
      const statements = countStatementsOn(a, "rate_buckets");
      try {
        const buckets = shared(a);
        const [client, conversation] = [buckets.limit("client", 100), buckets.limit("conversation", 5)];
        for (let i = 0; i < 200; i++) {
          client.take("198.51.100.7");
          conversation.take(`conversation-${i % 20}`);
        }
        expect(statements.count).toBe(0);
        await buckets.sync();
        expect(statements.count).toBe(1);
      } finally {
        statements.stop();
      }
      const { rows } = await a.query<{ limit_name: string; tokens: number }>(
        "reading the buckets",
        "SELECT limit_name, tokens FROM rate_buckets",
      );
      expect(rows.filter((r) => r.limit_name === "client")).toHaveLength(1);
      expect(rows.filter((r) => r.limit_name === "conversation")).toHaveLength(20);
      for (const row of rows) expect(row.tokens).toBeLessThan(1);
    });

    it("deletes buckets idle for two minutes (full again), at most once a minute per instance", async () => {
      const [a] = await twoPools();
      await a.query("emptying the buckets", "DELETE FROM rate_buckets");
      let now = Date.parse("2026-11-23T10:00:00Z");
      const store = shared(a, { now: () => now });
      const buckets = store.limit("client", 10);
      buckets.take("idle-client");
      await store.sync();
      await a.query(
        "ageing a bucket",
        "UPDATE rate_buckets SET updated_at = now() - interval '3 minutes' WHERE limit_name = 'client'",
      );
      buckets.take("busy-client");
      await store.sync();
      const count = async () =>
        (await a.query<{ n: number }>("counting", "SELECT count(*)::int AS n FROM rate_buckets")).rows[0]!.n;
      expect(await count()).toBe(2);
      now += 61_000;
      buckets.take("busy-client");
      await store.sync();
      expect(await count()).toBe(1);
    });

    it("stores keys only as HMACs with the secret, never a client address in clear", async () => {
      const [a] = await twoPools();
      const store = shared(a);
      store.limit("client", 10).take("198.51.100.23");
      await store.sync();
      const { rows } = await a.query<{ limit_name: string; key_hash: Buffer }>(
        "reading the buckets",
        "SELECT limit_name, key_hash FROM rate_buckets",
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.key_hash).toHaveLength(32);
        expect(row.key_hash.toString("latin1")).not.toContain("198.51.100.23");
      }
    });
  });
});

/** Counts the statements on `db`'s pool whose text names `table`, until `stop`. */
function countStatementsOn(db: Database, table: string) {
  const pool = db.pool as unknown as { query: (...args: unknown[]) => unknown };
  const query = pool.query;
  const counter = {
    count: 0,
    stop: () => {
      pool.query = query;
    },
  };
  pool.query = (...args: unknown[]) => {
    const text = typeof args[0] === "string" ? args[0] : (args[0] as { text?: string } | undefined)?.text;
    if (text?.includes(table)) counter.count += 1;
    return query.apply(db.pool, args);
  };
  return counter;
}
