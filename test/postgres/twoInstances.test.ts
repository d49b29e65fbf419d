/**
 * Two FairExit instances (two real Apps: composition root, engine, PostgreSQL store, embedded
 * operations and notifier on PostgreSQL) on one database, no sticky sessions: they start
 * together (the migrations run once), take alternate turns of the same conversations, and get
 * the same customer's "yes" at the same moment. Exactly one end_service per service, one
 * reference, one receipt; no turn lost or written twice; the audit chain verifies.
 */
import { afterEach, beforeEach, expect, it } from "vitest";
import { shippedMigrations } from "../../src/adapters/postgres/migrations.js";
import { databaseOf } from "../../src/adapters/postgres/pgStore.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { ManualClock } from "../../src/domain/clock.js";
import { StoreError } from "../../src/domain/ports.js";
import { createTestDatabase, describePostgres, type TestDatabase } from "../support/postgres.js";
import { repoRoot } from "../support/runFairexit.js";

const TO_CONFIRM = ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue"];
const SECRET = "test-secret-shared-by-both-instances-0123";

let database: TestDatabase;
let apps: App[] = [];

async function anInstance(url: string, clock: ManualClock): Promise<App> {
  const config = loadConfig(
    { DATABASE_URL: url, FAIREXIT_SECRET: SECRET, LOG_LEVEL: "silent", HOST: "127.0.0.1", PORT: "0" },
    repoRoot,
  );
  return createApp(config, { clock });
}

beforeEach(async () => {
  if (!(await import("../support/postgres.js")).postgres.available) return;
  database = await createTestDatabase();
  const clock = new ManualClock("2026-11-23T10:00:00Z");
  // Started together on an empty database: the migration lock lets one migrate, the other wait.
  apps = await Promise.all([anInstance(database.url, clock), anInstance(database.url, clock)]);
});
afterEach(async () => {
  await Promise.all(apps.map((a) => a.close()));
  apps = [];
  await database?.drop();
});

/** One message, retried on a lost race as the HTTP layer's caller would (never silently dropped). */
async function send(app: App, conversationId: string, text: string): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    try {
      const turn = await app.engine.receive(conversationId, text);
      return turn.messages.map((m) => m.text).join("\n");
    } catch (e) {
      if (!(e instanceof StoreError && e.code === "conflict") || attempt >= 5) throw e;
    }
  }
}

async function count(sql: string): Promise<number> {
  const db = databaseOf(apps[0]!.store)!;
  const { rows } = await db.query<{ n: number }>("counting", sql);
  return rows[0]!.n;
}

async function whatWasDone() {
  for (const app of apps) await app.engine.resumeUnfinished(); // everything due is delivered
  return {
    cancellations: await count("SELECT count(*)::int AS n FROM cancellations"),
    endServices: await count(
      "SELECT count(*)::int AS n FROM operations_journal WHERE action::json->>'kind' = 'end_service'",
    ),
    receipts: await count(
      "SELECT count(*)::int AS n FROM notifications WHERE message::json->>'subject' LIKE 'Your cancellation%'",
    ),
  };
}

const referenceIn = (text: string) => text.match(/FX-\d{8}-[0-9A-F]{6}/)?.[0];

describePostgres("two instances on one PostgreSQL database", () => {
  it("migrated once though both started together", async () => {
    expect(await count("SELECT count(*)::int AS n FROM schema_migrations")).toBe(shippedMigrations().length);
    expect(await apps[0]!.store.customers.count()).toBeGreaterThan(0); // seeded once, by id
  });

  it("takes alternate turns of one conversation and confirms once when the 'yes' reaches both at once", async () => {
    const [a, b] = apps as [App, App];
    const id = "conv-alternate-1";
    for (const [i, line] of TO_CONFIRM.entries()) await send(i % 2 === 0 ? a : b, id, line);
    // The same "yes" reaches both instances (a load balancer's retry): the turn that loses the
    // race is retried, and finds the cancellation done.
    const answers = await Promise.all([send(a, id, "yes"), send(b, id, "yes")]);

    expect(await whatWasDone()).toEqual({ cancellations: 1, endServices: 1, receipts: 1 });
    const conversation = (await b.store.conversations.get(id))!;
    expect(conversation.turns.map((t) => t.seq)).toEqual(conversation.turns.map((_, i) => i));
    const receipts = conversation.turns.filter((t) => t.text.includes("Cancellation confirmed"));
    expect(receipts).toHaveLength(1); // told in the turn that committed it, or recovered into the transcript
    const reference = referenceIn(receipts[0]!.text);
    expect(reference).toBeDefined();
    for (const answer of answers) expect(referenceIn(answer) ?? reference).toBe(reference);
    const customerLines = conversation.turns.filter((t) => t.speaker === "customer").map((t) => t.text);
    expect(customerLines.slice(0, TO_CONFIRM.length)).toEqual(TO_CONFIRM);
    const confirmations = customerLines.slice(TO_CONFIRM.length);
    expect(confirmations.every((t) => t === "yes")).toBe(true);
    expect(confirmations.length).toBeGreaterThanOrEqual(2); // both messages are there (a recovered one may stand for the first)
    const audited = await a.store.audit.read({ conversationId: id });
    expect(audited.filter((e) => e.kind === "receipt")).toHaveLength(1);
    expect(audited.filter((e) => e.kind === "confirmation" && e.data.answer === "yes")).toHaveLength(1);
    expect(await a.store.audit.verify()).toEqual([]);
    expect(await b.store.audit.verify()).toEqual([]);
  });

  it("runs a turn that lost the race again itself: messages of one conversation at once on both instances all get answers, none lost, none twice", async () => {
    const [a, b] = apps as [App, App];
    const id = "conv-race-1";
    await a.engine.receive(id, "I want to cancel");
    // No retry here: what the HTTP layer's caller gets, the engine runs again on a conflict.
    const lines = [
      "what happens to my number?",
      "is there a fee?",
      "do I need to return anything?",
      "how long does it take?",
    ];
    const answers = await Promise.all(lines.map((line, i) => (i % 2 === 0 ? a : b).engine.receive(id, line)));
    for (const answer of answers) expect(answer.messages.length).toBeGreaterThan(0);
    const conversation = (await b.store.conversations.get(id))!;
    expect(conversation.turns.map((t) => t.seq)).toEqual(conversation.turns.map((_, i) => i));
    const customerLines = conversation.turns.filter((t) => t.speaker === "customer").map((t) => t.text);
    expect(customerLines[0]).toBe("I want to cancel");
    expect([...customerLines.slice(1)].sort()).toEqual([...lines].sort());
    expect(await a.store.audit.verify()).toEqual([]);
  });

  it("cancels a service once when two conversations on two instances confirm it at the same moment", async () => {
    const [a, b] = apps as [App, App];
    for (const line of TO_CONFIRM)
      await Promise.all([send(a, "conv-first-1", line), send(b, "conv-second-1", line)]);
    const answers = await Promise.all([send(a, "conv-first-1", "yes"), send(b, "conv-second-1", "yes")]);
    const confirmed = answers.filter((t) => t.includes("Cancellation confirmed"));
    expect(confirmed).toHaveLength(1);
    const reference = referenceIn(confirmed[0]!);
    const other = answers.find((t) => !t.includes("Cancellation confirmed"))!;
    expect(other).toContain(`This is already cancelled: your reference is ${reference}`);
    expect(await whatWasDone()).toEqual({ cancellations: 1, endServices: 1, receipts: 1 });
    expect(await a.store.audit.verify()).toEqual([]);
  });

  it("keeps every turn of ten conversations whose turns alternate between the instances, all at once", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `conv-load-${i}`);
    const lines = ["hello", "cancel my broadband", "what do I owe?", "thanks"];
    await Promise.all(
      ids.map(async (id, k) => {
        for (const [i, line] of lines.entries()) await send(apps[(i + k) % 2]!, id, line);
      }),
    );
    for (const id of ids) {
      const c = await apps[0]!.store.conversations.get(id);
      expect(c!.turns.map((t) => t.seq)).toEqual(c!.turns.map((_, i) => i));
      expect(c!.turns.filter((t) => t.speaker === "customer").map((t) => t.text)).toEqual(lines);
    }
    expect(await apps[1]!.store.audit.verify()).toEqual([]);
  });
});
