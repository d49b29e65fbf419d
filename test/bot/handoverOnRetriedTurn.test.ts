/**
 * A turn that asks for a person loses its race to another instance (which stores a turn of the
 * same conversation between this turn's hand-over and its save) and is run again by the engine
 * (`runAgainOnConflict`): the person taking over gets one hand-over request, not two, on the
 * memory stores and on PostgreSQL. Two engines share one store, as two instances would; the race
 * is made certain by a conversation store that lets the other instance write first, once.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { JsonlHandover } from "../../src/adapters/files/jsonlHandover.js";
import { readCustomerFile } from "../../src/adapters/files/readCustomerFile.js";
import { EmbeddedOperations, MemoryOperationsJournal } from "../../src/adapters/memory/embeddedOperations.js";
import { MemoryHandover } from "../../src/adapters/memory/memoryHandover.js";
import { MemoryNotifier } from "../../src/adapters/memory/memoryNotifier.js";
import { MemoryOutboxStore } from "../../src/adapters/memory/memoryOutbox.js";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { pgBotTables } from "../../src/adapters/postgres/pgBotTables.js";
import type { PostgresStore } from "../../src/adapters/postgres/pgStore.js";
import { AuditTrail } from "../../src/audit/auditTrail.js";
import { ConversationEngine } from "../../src/bot/conversationEngine.js";
import type { HandoverRecord, ObservableHandover } from "../../src/domain/handover.js";
import { emptyLedger } from "../../src/domain/ledger.js";
import { silentLogger } from "../../src/domain/logger.js";
import type { Clock, ConversationStore, Store } from "../../src/domain/ports.js";
import type { OutboxStore } from "../../src/execution/ports.js";
import { understand } from "../../src/understanding/understandByRules.js";
import { aTestDatabaseForThisFile, describePostgres, openTestStore } from "../support/postgres.js";
import { demoPolicy } from "./cancellationBot.js";

const repo = new URL("../../", import.meta.url).pathname;

/** A clock that moves one second each time it is read: each run of a turn sees another instant. */
function aTickingClock(start: string): Clock {
  let t = new Date(start).getTime();
  return {
    now: () => {
      t += 1000;
      return new Date(t);
    },
  };
}

/** The store as one instance sees it: `beforeNextSave`, when set, runs once just before its next save. */
function racingConversations(inner: ConversationStore) {
  const race: { beforeNextSave?: () => Promise<void> } = {};
  const first = async () => {
    const run = race.beforeNextSave;
    race.beforeNextSave = undefined;
    await run?.();
  };
  const conversations: ConversationStore = {
    create: (c) => inner.create(c),
    get: (id) => inner.get(id),
    list: (f) => inner.list(f),
    count: () => inner.count(),
    appendTurn: async (...a) => {
      await first();
      return inner.appendTurn(...a);
    },
    appendTurns: async (...a) => {
      await first();
      return inner.appendTurns(...a);
    },
  };
  return { conversations, race };
}

interface Shared {
  store: Store;
  outbox: OutboxStore;
  handover: ObservableHandover;
  handoversOf(conversationId: string): Promise<string[]>;
}

async function twoInstances(shared: Shared) {
  const demo = await readCustomerFile(`${repo}data/demo/customers.json`);
  await shared.store.customers.upsertMany(demo.customers);
  await shared.store.customers.setCoverage(demo.coverage);
  const policy = await demoPolicy();
  const clock = aTickingClock("2026-11-23T10:00:00Z");
  const engine = (conversations: ConversationStore) =>
    new ConversationEngine({
      store: { ...shared.store, conversations, close: () => shared.store.close() },
      policy: () => policy,
      clock,
      outbox: shared.outbox,
      operations: new EmbeddedOperations(
        new MemoryOperationsJournal(),
        () => clock.now(),
        "test-secret",
        shared.store.customers,
      ),
      notifier: new MemoryNotifier(() => clock.now()),
      audit: new AuditTrail(shared.store.audit, clock),
      handover: shared.handover,
      understand,
      logger: silentLogger,
    });
  const a = racingConversations(shared.store.conversations);
  return { a: engine(a.conversations), race: a.race, b: engine(shared.store.conversations) };
}

async function askForAPersonWhileAnotherInstanceWrites(shared: Shared) {
  const { a, b, race } = await twoInstances(shared);
  const told: string[] = [];
  shared.handover.onHandover((r) => told.push(r.id));
  const id = `conv-race-${Math.random().toString(16).slice(2, 10)}`;
  for (const text of ["cancel my broadband", "UK550913", "NG7 2RD"]) await a.receive(id, text);
  let raced = false;
  race.beforeNextSave = async () => {
    await b.receive(id, "hello?");
    raced = true;
  };
  const turn = await a.receive(id, "Can I talk to a real person please");
  const conversation = await shared.store.conversations.get(id);
  const texts = conversation!.turns.filter((t) => t.speaker === "customer").map((t) => t.text);
  return { turn, raced, texts, told, recorded: await shared.handoversOf(id), state: conversation!.state };
}

function expectOneHandover(outcome: Awaited<ReturnType<typeof askForAPersonWhileAnotherInstanceWrites>>) {
  // The race happened: the other instance's message was stored before this one's, which was run again.
  expect(outcome.raced).toBe(true);
  expect(outcome.texts.slice(-2)).toEqual(["hello?", "Can I talk to a real person please"]);
  expect(outcome.turn.messages.map((m) => m.text).join("\n")).toContain("passing you to a person");
  // One request for the person taking over, told once, and it is the one the conversation names.
  expect(outcome.recorded).toHaveLength(1);
  expect(outcome.told).toEqual(outcome.recorded);
  expect((outcome.state as { handoverId?: string }).handoverId).toBe(outcome.recorded[0]);
}

const aRecord = (id: string, text: string): HandoverRecord => ({
  id,
  conversationId: "conv-announced-twice",
  at: "2026-11-23T10:00:00.000Z",
  reasons: [{ ruleId: "customer-asks", reason: "The customer asked for a person." }],
  stage: "handover",
  rootCause: { chain: [], links: [] },
  ledger: emptyLedger(),
  transcript: [{ speaker: "customer", text, at: "2026-11-23T10:00:00.000Z" }],
});

/** Announces one id twice (a turn run again) and another id once; returns the ids its listeners heard. */
async function announceTwice(handover: ObservableHandover): Promise<string[]> {
  const told: string[] = [];
  handover.onHandover((r) => told.push(r.id));
  await handover.announce(aRecord("ho-same", "first run"));
  await handover.announce(aRecord("ho-same", "run again"));
  await handover.announce(aRecord("ho-other", "a later hand-over"));
  return told;
}

describe("announcing a hand-over id again records and tells nothing", () => {
  it("in memory", async () => {
    const handover = new MemoryHandover();
    expect(await announceTwice(handover)).toEqual(["ho-same", "ho-other"]);
    expect(handover.records.map((r) => r.transcript[0]!.text)).toEqual(["first run", "a later hand-over"]);
  });

  it("in the JSON Lines file", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-handover-"));
    try {
      const file = join(dir, "handovers.jsonl");
      expect(await announceTwice(new JsonlHandover(file, silentLogger))).toEqual(["ho-same", "ho-other"]);
      const lines = (await readFile(file, "utf8")).trim().split("\n");
      expect(lines.map((l) => JSON.parse(l).id)).toEqual(["ho-same", "ho-other"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("a hand-over asked for in a turn that lost a race (memory)", () => {
  it("is recorded once though the turn ran twice", async () => {
    const handover = new MemoryHandover();
    expectOneHandover(
      await askForAPersonWhileAnotherInstanceWrites({
        store: openMemoryStore(),
        outbox: new MemoryOutboxStore(),
        handover,
        handoversOf: async (c) => handover.records.filter((r) => r.conversationId === c).map((r) => r.id),
      }),
    );
  });
});

const database = aTestDatabaseForThisFile();

describePostgres("a hand-over asked for in a turn that lost a race (PostgreSQL)", () => {
  let store: PostgresStore | undefined;
  afterAll(async () => {
    await store?.close();
  });

  it("is announced once per id", async () => {
    store ??= await openTestStore((await database()).url);
    const db = store.db;
    const tables = pgBotTables(db, () => new Date(), silentLogger);
    expect(await announceTwice(tables.handover)).toEqual(["ho-same", "ho-other"]);
    const { rows } = await db.query<{ id: string; record: string }>(
      "reading hand-overs",
      "SELECT id, record FROM handovers WHERE conversation_id = 'conv-announced-twice' ORDER BY announced",
    );
    expect(rows.map((r) => JSON.parse(r.record).transcript[0].text)).toEqual([
      "first run",
      "a later hand-over",
    ]);
  });

  it("is recorded once though the turn ran twice", async () => {
    store ??= await openTestStore((await database()).url);
    const db = store.db;
    const tables = pgBotTables(db, () => new Date(), silentLogger);
    expectOneHandover(
      await askForAPersonWhileAnotherInstanceWrites({
        store,
        outbox: tables.outbox,
        handover: tables.handover,
        handoversOf: async (c) =>
          (
            await db.query<{ id: string }>(
              "reading hand-overs",
              "SELECT id FROM handovers WHERE conversation_id = $1 ORDER BY announced",
              [c],
            )
          ).rows.map((r) => r.id),
      }),
    );
  });
});
