/**
 * Instances on one database, each holding its liveness lock (instanceLiveness): an outbox item
 * claimed by an instance that is alive stays with it, however long its lease; the claims of an
 * instance that is gone are taken over at once, long before their lease would run out. A lost
 * liveness connection ends nothing: the instance notices, takes its lock again, and its claims
 * are its own again. (The same with real processes and kill -9:
 * test/crash/outboxTakeoverPostgres.test.ts.)
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import type { Database } from "../../src/adapters/postgres/database.js";
import {
  holdInstanceLiveness,
  INSTANCE_LOCK,
  type InstanceLiveness,
} from "../../src/adapters/postgres/instanceLiveness.js";
import { PgOutbox } from "../../src/adapters/postgres/pgOutbox.js";
import type { PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { silentLogger } from "../../src/domain/logger.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";
import { anItem } from "./outboxContract.js";

const database = aTestDatabaseForThisFile();
const NOW = new Date("2026-11-23T10:00:00.000Z");
const TEN_MINUTES = 600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describePostgres("instance liveness and the outbox", () => {
  let store: PostgresStore;
  let db: Database;
  const held: InstanceLiveness[] = [];
  const live = async (instanceId: string) => {
    const l = await holdInstanceLiveness(db, silentLogger, { instanceId, retryMs: 50 });
    held.push(l);
    return { liveness: l, outbox: new PgOutbox(db, { liveness: l, leaseMs: TEN_MINUTES }) };
  };
  /** The backend holding `instanceId`'s liveness lock, if any. */
  const lockHolder = async (instanceId: string) =>
    (
      await db.query<{ pid: number }>(
        "finding a liveness lock",
        `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
            AND classid = $1::oid AND objid = hashtext($2)::oid`,
        [INSTANCE_LOCK, instanceId],
      )
    ).rows[0]?.pid;

  beforeAll(async () => {
    store = await openTestStore((await database()).url);
    db = store.db;
  });
  beforeEach(async () => {
    await (await database()).empty();
  });
  afterEach(async () => {
    for (const l of held.splice(0)) await l.close(); // each holds a connection of the pool
  });
  afterAll(async () => {
    await store?.close();
  });

  it("leaves a live instance's claim with it, however long its lease", async () => {
    const a = await live("instance-live-a");
    const b = await live("instance-live-b");
    expect(a.liveness.held()).toBe(true);
    await a.outbox.enqueue(anItem("held-by-a"), NOW);
    expect((await a.outbox.due(NOW)).map((i) => i.id)).toEqual(["held-by-a"]);
    expect(await b.outbox.due(NOW)).toEqual([]);
    expect((await a.outbox.due(NOW)).map((i) => i.id)).toEqual(["held-by-a"]); // still its own
  });

  it("takes over at once the claims of an instance that is gone, its 10-minute lease notwithstanding", async () => {
    const a = await live("instance-gone-a");
    const b = await live("instance-gone-b");
    await a.outbox.enqueue(anItem("left-by-a"), NOW);
    await a.outbox.enqueue(anItem("also-left-by-a"), NOW);
    expect(await a.outbox.due(NOW)).toHaveLength(2);
    await a.liveness.close(); // its session ends, as when the process is killed
    expect(await lockHolder("instance-gone-a")).toBeUndefined();
    expect((await b.outbox.due(NOW)).map((i) => i.id)).toEqual(["left-by-a", "also-left-by-a"]);
    expect(await a.outbox.due(NOW)).toEqual([]); // now b's, and b is alive
    await b.outbox.markDelivered("left-by-a", { ok: true }, NOW);
    expect((await b.outbox.get("left-by-a"))?.status).toBe("delivered");
  });

  it("an outbox without a liveness lock frees claims by their lease only", async () => {
    const plain = new PgOutbox(db, { instanceId: "instance-plain", leaseMs: TEN_MINUTES });
    const other = new PgOutbox(db, { instanceId: "instance-plain-other", leaseMs: TEN_MINUTES });
    await plain.enqueue(anItem("lease-only"), NOW);
    expect(await plain.due(NOW)).toHaveLength(1);
    expect(await other.due(NOW)).toEqual([]);
  });

  it("survives losing its liveness connection, takes the lock again, and keeps its claims", async () => {
    const uncaught: unknown[] = [];
    const record = (e: unknown) => uncaught.push(e);
    process.on("uncaughtException", record);
    try {
      const a = await live("instance-dropped-a");
      const b = await live("instance-dropped-b");
      const pid = await lockHolder("instance-dropped-a");
      expect(pid).toBeDefined();
      await db.query("ending a liveness connection", "SELECT pg_terminate_backend($1)", [pid]);
      // Bounded: the lock is taken again on a new connection (retryMs 50) or the test times out.
      let again = await lockHolder("instance-dropped-a");
      while (again === undefined || again === pid || !a.liveness.held()) {
        await sleep(20);
        again = await lockHolder("instance-dropped-a");
      }
      await a.outbox.enqueue(anItem("claimed-after-reconnect"), NOW);
      expect(await a.outbox.due(NOW)).toHaveLength(1);
      expect(await b.outbox.due(NOW)).toEqual([]);
    } finally {
      process.off("uncaughtException", record);
    }
    expect(uncaught).toEqual([]);
  }, 20_000);
});
