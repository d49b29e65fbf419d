/**
 * The outbox contract on the embedded outbox (in memory) and on PostgreSQL, and what only
 * several instances need: a due item is claimed by one instance at a time (FOR UPDATE SKIP
 * LOCKED with a lease), and a crashed instance's claim runs out so the item is attempted again.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { MemoryOutboxStore } from "../../src/adapters/memory/memoryOutbox.js";
import type { Database } from "../../src/adapters/postgres/database.js";
import { PgOutbox } from "../../src/adapters/postgres/pgOutbox.js";
import type { PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";
import { anItem, outboxContract } from "./outboxContract.js";

outboxContract("embedded (memory)", async () => ({
  outbox: new MemoryOutboxStore(),
  cleanup: async () => {},
}));

const database = aTestDatabaseForThisFile();
const NOW = new Date("2026-11-23T10:00:00.000Z");

describePostgres("PostgreSQL outbox", () => {
  let store: PostgresStore;
  let db: Database;
  beforeAll(async () => {
    store = await openTestStore((await database()).url);
    db = store.db;
  });
  afterAll(async () => {
    await store?.close();
  });

  outboxContract("postgres", async () => {
    await (await database()).empty();
    return { outbox: new PgOutbox(db), cleanup: async () => {} };
  });

  it("hands a due item to one instance at a time; another instance gets it once the claim runs out", async () => {
    await (await database()).empty();
    const first = new PgOutbox(db, { instanceId: "instance-a", leaseMs: 300 });
    const second = new PgOutbox(db, { instanceId: "instance-b", leaseMs: 300 });
    await first.enqueue(anItem("claimed-1"), NOW);
    await first.enqueue(anItem("claimed-2"), NOW);
    const [a, b] = await Promise.all([first.due(NOW), second.due(NOW)]);
    expect([...a, ...b].map((i) => i.id).sort()).toEqual(["claimed-1", "claimed-2"]); // each once
    expect(await second.due(NOW)).toHaveLength(b.length); // its own claims only
    // instance-a "crashes" before marking: after the lease, instance-b takes its items.
    await new Promise((r) => setTimeout(r, 400));
    expect((await second.due(NOW)).map((i) => i.id).sort()).toEqual(["claimed-1", "claimed-2"]);
    await second.markDelivered("claimed-1", { ok: true }, NOW);
    expect((await first.due(NOW)).map((i) => i.id)).toEqual([]); // claimed-2 is b's, claimed-1 delivered
  });
});
