/**
 * Confirming a cancellation must execute it exactly once: recorded before it is attempted,
 * delivered when the back-office answers, retried with backoff when it does not, and never
 * applied twice, not even across a crash.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { EmbeddedNotifier } from "../../src/adapters/files/embeddedNotifier.js";
import { openJsonlOutbox } from "../../src/adapters/files/jsonlOutbox.js";
import { EmbeddedOperations, MemoryOperationsJournal } from "../../src/adapters/memory/embeddedOperations.js";
import { MemoryOutboxStore } from "../../src/adapters/memory/memoryOutbox.js";
import { WebhookNotifier, WebhookOperations } from "../../src/adapters/webhook/webhookOperations.js";
import { ManualClock } from "../../src/domain/clock.js";
import type { PlannedAction } from "../../src/domain/decision.js";
import { silentLogger } from "../../src/domain/logger.js";
import { referenceFor } from "../../src/execution/cancellationReference.js";
import type { ConfirmedCancellation } from "../../src/execution/confirmedCancellation.js";
import { dispatchDue } from "../../src/execution/dispatchOutbox.js";
import { actionItem, enqueueAction, enqueueMessage, messageItem } from "../../src/execution/enqueue.js";
import { PORTING_CODE } from "../../src/execution/portingCode.js";
import { resultPlaceholder } from "../../src/execution/resultPlaceholders.js";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhookReceiver.js";

const SECRET = "test-webhook-secret";
const endService: PlannedAction = {
  id: "end-svc-mob",
  ruleId: "baseline.end-service",
  kind: "end_service",
  serviceId: "svc-mob",
  at: "2026-12-23T23:59:00Z",
  idempotencyKey: "conv-1:end_service:svc-mob",
  params: { endDate: "2026-12-23" },
};
const pac: PlannedAction = {
  id: "pac-svc-mob",
  ruleId: "uk-telecom.pac",
  kind: "issue_porting_code",
  serviceId: "svc-mob",
  idempotencyKey: "conv-1:issue_porting_code:svc-mob",
  params: { keepNumber: true },
};

let dir: string;
let receiver: WebhookReceiver;
let clock: ManualClock;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-outbox-"));
  receiver = await startWebhookReceiver(SECRET);
  clock = new ManualClock("2026-11-23T10:00:00Z");
});
afterEach(async () => {
  await receiver.close();
  await rm(dir, { recursive: true, force: true });
});

const webhookDeps = () => ({
  operations: new WebhookOperations(`${receiver.url}/ops`, { secret: SECRET, attempts: 1 }),
  notifier: new WebhookNotifier(`${receiver.url}/notify`, { secret: SECRET, attempts: 1 }),
  clock,
  logger: silentLogger,
});

describe("the outbox", () => {
  it("records an action once however often it is enqueued", async () => {
    const outbox = new MemoryOutboxStore();
    await enqueueAction(outbox, endService, clock.now());
    await enqueueAction(outbox, endService, clock.now());
    expect(await outbox.list()).toHaveLength(1);
  });

  it("hands out what it stores without letting a caller change it", async () => {
    const outbox = new MemoryOutboxStore();
    const item = await enqueueAction(outbox, endService, clock.now());
    expect(() => {
      (item as { status: string }).status = "delivered";
    }).toThrow(TypeError);
    expect(() => {
      (item.payload as Record<string, unknown>).kind = "something_else";
    }).toThrow(TypeError);
    const [listed] = await outbox.list();
    expect(listed).toMatchObject({ status: "pending", payload: { kind: "end_service" } });
  });

  it("delivers a signed webhook with the idempotency key, and marks it delivered with the answer", async () => {
    const outbox = new MemoryOutboxStore();
    await enqueueAction(outbox, endService, clock.now());
    expect(await dispatchDue({ outbox, ...webhookDeps() })).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received).toEqual([
      { path: "/ops/end_service", key: endService.idempotencyKey, body: endService, signatureValid: true },
    ]);
    expect((await outbox.list())[0]).toMatchObject({ status: "delivered", result: { ref: "ext-1" } });
  });

  it("keeps an action pending while the back-office is down, and delivers it after the backoff", async () => {
    const outbox = new MemoryOutboxStore();
    await enqueueAction(outbox, endService, clock.now());
    receiver.failNext.push(503);
    expect(await dispatchDue({ outbox, ...webhookDeps() })).toEqual({ delivered: 0, failed: 1 });
    const [pending] = await outbox.list();
    expect(pending).toMatchObject({
      status: "pending",
      attempts: 1,
      lastError: expect.stringContaining("HTTP 503"),
    });
    expect(await dispatchDue({ outbox, ...webhookDeps() })).toEqual({ delivered: 0, failed: 0 }); // not yet
    clock.advance(31_000);
    expect(await dispatchDue({ outbox, ...webhookDeps() })).toEqual({ delivered: 1, failed: 0 });
  });

  it("waits for a scheduled message's due time", async () => {
    const outbox = new MemoryOutboxStore();
    await enqueueMessage(
      outbox,
      {
        channel: "sms",
        customerId: "cust-1",
        body: "Your line ends in one hour.",
        idempotencyKey: "r1",
      },
      clock.now(),
      { dueAt: new Date("2026-12-23T22:59:00Z") },
    );
    expect((await dispatchDue({ outbox, ...webhookDeps() })).delivered).toBe(0);
    clock.set("2026-12-23T22:59:00Z");
    expect((await dispatchDue({ outbox, ...webhookDeps() })).delivered).toBe(1);
    expect(receiver.received[0]?.path).toBe("/notify/sms");
  });

  it("executes nothing twice across a crash between the attempt and the mark", async () => {
    const file = join(dir, "outbox.jsonl");
    const before = await openJsonlOutbox(file);
    await enqueueAction(before, pac, clock.now(), "conv-1");
    // The process sends the action, then dies before it can mark it delivered.
    await webhookDeps().operations.execute(pac);

    const after = await openJsonlOutbox(file); // restart: the item is still pending
    expect(await after.due(clock.now())).toHaveLength(1);
    expect(await dispatchDue({ outbox: after, ...webhookDeps() })).toEqual({ delivered: 1, failed: 0 });

    expect(receiver.received.map((r) => r.key)).toEqual([pac.idempotencyKey, pac.idempotencyKey]);
    expect(receiver.applied.size).toBe(1); // the second request was recognised as the same
    const reopened = await openJsonlOutbox(file);
    expect(await reopened.list({ status: "delivered" })).toHaveLength(1);
    expect(await reopened.due(clock.now())).toEqual([]);
  });

  it("refuses an outbox file with a broken line, naming the line", async () => {
    const file = join(dir, "outbox.jsonl");
    await writeFile(file, '{"event":"enqueued","item":{"id":"x"}}\n');
    await expect(openJsonlOutbox(file)).rejects.toThrow(`${file}: line 1: item.kind`);
  });
});

describe("a confirmed cancellation in the outbox", () => {
  const cancellation = (conversationId: string): ConfirmedCancellation => ({
    conversationId,
    customerId: "cust-1",
    reference: `FX-20261123-${conversationId.toUpperCase()}`,
    confirmedAt: "2026-11-23T10:00:00.000Z",
    services: [{ serviceId: "svc-mob", endDate: "2026-12-23" }],
    receiptId: `receipt:${conversationId}`,
    state: { executedAt: "2026-11-23T10:00:00.000Z" },
    audit: [{ kind: "confirmation", data: { answer: "yes" } }],
  });
  const receipt = (conversationId: string, now: Date) =>
    messageItem(
      {
        channel: "email",
        customerId: "cust-1",
        subject: "Your cancellation",
        body: `Cancellation confirmed.\n• Your ${resultPlaceholder(pac.idempotencyKey, "kind", "or:PAC")} is ${resultPlaceholder(pac.idempotencyKey, "code")}.`,
        idempotencyKey: `receipt:${conversationId}`,
      },
      now,
      { conversationId, after: [endService.idempotencyKey, pac.idempotencyKey] },
    );

  it("is written in one line with its items, is found again after a restart, and refuses a second cancellation of the service", async () => {
    const file = join(dir, "outbox.jsonl");
    const outbox = await openJsonlOutbox(file);
    const now = clock.now();
    const items = [
      actionItem(endService, now, "conv-a"),
      actionItem(pac, now, "conv-a"),
      receipt("conv-a", now),
    ];
    expect(await outbox.commit(cancellation("conv-a"), items, now)).toMatchObject({ committed: true });
    const reopened = await openJsonlOutbox(file);
    expect(await reopened.cancellationOf("conv-a")).toMatchObject({
      reference: "FX-20261123-CONV-A",
      recorded: false,
    });
    const again = await reopened.commit(cancellation("conv-b"), [receipt("conv-b", now)], now);
    expect(again).toMatchObject({ committed: false, existing: { conversationId: "conv-a" } });
    expect(await reopened.get("receipt:conv-b")).toBeUndefined();
    await reopened.markRecorded("conv-a", now);
    expect(await (await openJsonlOutbox(file)).unrecorded()).toEqual([]);
  });

  it("knows a service ended by an outbox written before cancellations were committed, under the reference given then", async () => {
    const file = join(dir, "outbox.jsonl");
    const legacy = {
      event: "enqueued",
      item: {
        id: "end-service:svc-mob:2026-12-23",
        kind: "action",
        conversationId: "conv-old",
        dueAt: "2026-11-20T09:00:00.000Z",
        createdAt: "2026-11-20T09:00:00.000Z",
        payload: { ...endService, customerId: "cust-1" },
        status: "pending",
        attempts: 0,
        nextAttemptAt: "2026-11-20T09:00:00.000Z",
      },
    };
    await writeFile(file, `${JSON.stringify(legacy)}\n`);
    const outbox = await openJsonlOutbox(file);
    const [found] = await outbox.cancellationsOfServices(["svc-mob"]);
    expect(found).toMatchObject({
      conversationId: "conv-old",
      reference: referenceFor("conv-old", new Date("2026-11-20T09:00:00Z")),
      services: [{ serviceId: "svc-mob", endDate: "2026-12-23" }],
    });
    const now = clock.now();
    expect(await outbox.commit(cancellation("conv-a"), [receipt("conv-a", now)], now)).toMatchObject({
      committed: false,
    });
  });

  it("lets only one of two commits for the same service made at the same moment through", async () => {
    const outbox = new MemoryOutboxStore();
    const now = clock.now();
    const [a, b] = await Promise.all([
      outbox.commit(cancellation("conv-a"), [receipt("conv-a", now)], now),
      outbox.commit(cancellation("conv-b"), [receipt("conv-b", now)], now),
    ]);
    expect([a.committed, b.committed].sort()).toEqual([false, true]);
  });

  it("sends the receipt after its actions, with the porting code, even when the clock restarted earlier", async () => {
    const outbox = new MemoryOutboxStore();
    const confirmedAt = clock.now();
    const items = [
      receipt("conv-a", confirmedAt),
      actionItem(endService, confirmedAt, "conv-a"),
      actionItem(pac, confirmedAt, "conv-a"),
    ];
    await outbox.commit(cancellation("conv-a"), items, confirmedAt);
    const journal = new MemoryOperationsJournal();
    const sent: string[] = [];
    const deps = {
      outbox,
      operations: new EmbeddedOperations(journal, () => clock.now(), "s"),
      notifier: {
        send: async (m: { body: string }) => {
          sent.push(m.body);
          return { sentAt: clock.now().toISOString() };
        },
      },
      clock: new ManualClock("2026-11-23T09:59:00Z"), // FAIREXIT_CLOCK_START after a restart
      logger: silentLogger,
    };
    expect(await dispatchDue(deps)).toEqual({ delivered: 3, failed: 0 });
    const order = outbox.events.filter((e) => e.event === "delivered").map((e) => e.id);
    expect(order.at(-1)).toBe("receipt:conv-a");
    const code = (await outbox.get(pac.idempotencyKey))?.result?.code;
    expect(sent).toEqual([`Cancellation confirmed.\n• Your PAC is ${code}.`]);
  });

  it("holds the receipt back while an action it reports is not delivered", async () => {
    const outbox = new MemoryOutboxStore();
    const now = clock.now();
    await outbox.commit(
      cancellation("conv-a"),
      [receipt("conv-a", now), actionItem(endService, now, "conv-a")],
      now,
    );
    expect((await outbox.due(now)).map((i) => i.id)).toEqual([endService.idempotencyKey]);
  });
});

describe("the embedded operations", () => {
  it("issue a PAC in Ofcom's format, valid 30 days, the same code for the same key", async () => {
    const journal = new MemoryOperationsJournal();
    const ops = new EmbeddedOperations(journal, () => clock.now(), "secret");
    const first = await ops.execute(pac);
    expect(first.code).toMatch(PORTING_CODE);
    expect(first).toMatchObject({ kind: "PAC", validUntil: "2026-12-23T10:00:00.000Z" });
    clock.advance(60_000);
    expect(await ops.execute(pac)).toEqual(first);
    expect(journal.entries.size).toBe(1);
  });

  it("issue a STAC when the customer leaves without the number", async () => {
    const ops = new EmbeddedOperations(new MemoryOperationsJournal(), () => clock.now(), "secret");
    const stac = await ops.execute({ ...pac, idempotencyKey: "conv-2:stac", params: { keepNumber: false } });
    expect(stac).toMatchObject({ kind: "STAC", code: expect.stringMatching(PORTING_CODE) });
  });
});

describe("the embedded notifier", () => {
  it("keeps a durable copy of each message once, also after a restart", async () => {
    const file = join(dir, "notifications.jsonl");
    const message = {
      channel: "email" as const,
      customerId: "cust-1",
      subject: "Your cancellation FX-1",
      body: "Your broadband ends on 23 December 2026.",
      idempotencyKey: "conv-1:receipt",
    };
    const first = await EmbeddedNotifier.open(file, () => clock.now(), silentLogger);
    await first.send(message);
    const again = await EmbeddedNotifier.open(file, () => clock.now(), silentLogger);
    expect(await again.send(message)).toMatchObject({ duplicate: true });
    expect(again.sentTo("cust-1")).toEqual([{ ...message, sentAt: "2026-11-23T10:00:00.000Z" }]);
  });
});
