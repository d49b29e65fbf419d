/**
 * The contract every OutboxStore keeps (embedded event log, PostgreSQL), one suite run against
 * each: what the execution layer relies on for exactly-once effects.
 */
import { describe, expect, it } from "vitest";
import type { ConfirmedCancellation } from "../../src/execution/confirmedCancellation.js";
import type { NewOutboxItem } from "../../src/execution/outboxItem.js";
import type { OutboxStore } from "../../src/execution/ports.js";

export interface OutboxUnderTest {
  outbox: OutboxStore;
  cleanup(): Promise<void>;
}

const NOW = new Date("2026-11-23T10:00:00.000Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);

export const anItem = (id: string, over: Partial<NewOutboxItem> = {}): NewOutboxItem => ({
  id,
  kind: "action",
  conversationId: "conv-outbox-1",
  dueAt: NOW.toISOString(),
  payload: { kind: "end_service", serviceId: "svc-1", idempotencyKey: id },
  ...over,
});

export const aCancellation = (conversationId: string, serviceIds: string[]): ConfirmedCancellation => ({
  conversationId,
  customerId: "cust-1",
  reference: `FX-20261123-${conversationId.slice(-6).toUpperCase()}`,
  confirmedAt: NOW.toISOString(),
  services: serviceIds.map((serviceId) => ({ serviceId, endDate: "2026-12-23" })),
  receiptId: `receipt:${conversationId}`,
  state: { stage: "closed" },
  audit: [{ kind: "confirmation", data: { answer: "yes" } }],
});

export function outboxContract(name: string, open: () => Promise<OutboxUnderTest>): void {
  describe(`${name} outbox contract`, () => {
    const withOutbox = (fn: (o: OutboxStore) => Promise<void>) => async () => {
      const s = await open();
      try {
        await fn(s.outbox);
      } finally {
        await s.cleanup();
      }
    };

    it(
      "keeps the first item of an id, hands it out frozen, and finds it by id",
      withOutbox(async (outbox) => {
        const first = await outbox.enqueue(anItem("k1"), NOW);
        const again = await outbox.enqueue(anItem("k1", { payload: { other: true } }), later(1000));
        expect(again).toEqual(first);
        expect(first).toMatchObject({ status: "pending", attempts: 0, createdAt: NOW.toISOString() });
        expect(() => {
          (first as { status: string }).status = "delivered";
        }).toThrow(TypeError);
        expect(await outbox.get("k1")).toEqual(first);
        expect(await outbox.get("nope")).toBeUndefined();
        expect(await outbox.list()).toHaveLength(1);
      }),
    );

    it(
      "hands out due items oldest first, waits for due times, backs off after a failure, gives up after 12",
      withOutbox(async (outbox) => {
        await outbox.enqueue(anItem("later", { dueAt: later(3_600_000).toISOString() }), NOW);
        await outbox.enqueue(anItem("now"), NOW);
        expect((await outbox.due(NOW)).map((i) => i.id)).toEqual(["now"]);
        await outbox.markAttemptFailed("now", "HTTP 503", NOW);
        expect(await outbox.get("now")).toMatchObject({
          status: "pending",
          attempts: 1,
          lastError: "HTTP 503",
        });
        expect((await outbox.due(later(1000))).map((i) => i.id)).toEqual([]);
        expect((await outbox.due(later(3_600_000))).map((i) => i.id)).toEqual(["now", "later"]);
        for (let i = 1; i < 12; i++) await outbox.markAttemptFailed("now", "HTTP 503", later(i * 4_000_000));
        expect(await outbox.get("now")).toMatchObject({ status: "failed", attempts: 12 });
        expect((await outbox.list({ status: "failed" })).map((i) => i.id)).toEqual(["now"]);
      }),
    );

    it(
      "holds an item back until the items it waits for are delivered, and records the result",
      withOutbox(async (outbox) => {
        await outbox.enqueue(anItem("action-1"), NOW);
        await outbox.enqueue(anItem("receipt-1", { kind: "message", after: ["action-1"] }), NOW);
        expect((await outbox.due(NOW)).map((i) => i.id)).toEqual(["action-1"]);
        await outbox.markDelivered("action-1", { ref: "ext-1" }, NOW);
        expect(await outbox.get("action-1")).toMatchObject({
          status: "delivered",
          result: { ref: "ext-1" },
          deliveredAt: NOW.toISOString(),
          attempts: 1,
        });
        expect((await outbox.due(NOW)).map((i) => i.id)).toEqual(["receipt-1"]);
        expect(
          (await outbox.list({ conversationId: "conv-outbox-1", status: "pending" })).map((i) => i.id),
        ).toEqual(["receipt-1"]);
        expect(await outbox.due(NOW, { conversationId: "conv-other" })).toEqual([]);
      }),
    );

    it(
      "commits a cancellation and its items together, once per conversation and per service",
      withOutbox(async (outbox) => {
        const c = aCancellation("conv-commit-a", ["svc-a", "svc-b"]);
        const first = await outbox.commit(c, [anItem("end-a", { conversationId: c.conversationId })], NOW);
        expect(first).toMatchObject({
          committed: true,
          cancellation: { reference: c.reference, recorded: false },
        });
        expect(await outbox.get("end-a")).toMatchObject({ status: "pending" });
        const other = await outbox.commit(aCancellation("conv-commit-b", ["svc-b"]), [anItem("end-b")], NOW);
        expect(other).toMatchObject({ committed: false, existing: { conversationId: "conv-commit-a" } });
        expect(await outbox.get("end-b")).toBeUndefined(); // nothing of the refused commit was written
        expect((await outbox.unrecorded()).map((x) => x.conversationId)).toEqual(["conv-commit-a"]);
        await outbox.markRecorded("conv-commit-a", NOW);
        expect(await outbox.unrecorded()).toEqual([]);
        expect(await outbox.cancellationOf("conv-commit-a")).toMatchObject({
          recorded: true,
          services: c.services,
        });
        expect(
          (await outbox.cancellationsOfServices(["svc-b", "svc-x"])).map((x) => x.conversationId),
        ).toEqual(["conv-commit-a"]);
        expect(await outbox.cancellationOf("conv-commit-b")).toBeUndefined();
      }),
    );

    it(
      "commits one of ten confirmations of the same service made at the same moment",
      withOutbox(async (outbox) => {
        const results = await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            outbox.commit(aCancellation(`conv-race-${i}`, ["svc-race"]), [anItem(`end-race-${i}`)], NOW),
          ),
        );
        const committed = results.filter((r) => r.committed);
        expect(committed).toHaveLength(1);
        const winner = committed[0]!.committed ? committed[0]!.cancellation.conversationId : "";
        for (const r of results.filter((x) => !x.committed))
          expect(r).toMatchObject({ existing: { conversationId: winner } });
        expect((await outbox.list()).map((i) => i.id)).toEqual([`end-race-${winner.slice(-1)}`]);
      }),
    );
  });
}
