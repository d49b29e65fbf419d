/**
 * The contract every Store implementation keeps (memory, lowdb, PostgreSQL …), in the manner
 * of botbuilder's storageBaseTests: one suite, run against each implementation.
 */
import { describe, expect, it } from "vitest";
import type { Conversation, Turn } from "../../src/domain/conversation.js";
import { type Store, StoreError } from "../../src/domain/ports.js";
import { aCustomer } from "../support/aCustomer.js";

export interface StoreUnderTest {
  store: Store;
  /** Closes and opens the same store again, as a restart would. Absent for non-persistent stores. */
  reopen?: () => Promise<Store>;
  cleanup(): Promise<void>;
}

const at = (minute: number) => `2026-11-23T10:${String(minute).padStart(2, "0")}:00.000Z`;

export function aConversation(id: string, customerId?: string): Conversation {
  return {
    id,
    customerId,
    channel: "webchat",
    startedAt: at(0),
    updatedAt: at(0),
    state: { stage: "greet" },
    turns: [],
  };
}

export function aTurn(seq: number, text: string, speaker: Turn["speaker"] = "customer"): Turn {
  return { seq, at: at(seq + 1), speaker, text };
}

export function storeContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} store contract`, () => {
    const withStore = (fn: (s: StoreUnderTest) => Promise<void>) => async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.cleanup();
      }
    };

    it(
      "returns what was stored, by id and by account number",
      withStore(async ({ store }) => {
        const alex = aCustomer({ id: "cust-alex" });
        await store.customers.upsertMany([alex]);
        expect(await store.customers.get("cust-alex")).toEqual(alex);
        expect(await store.customers.findByAccountNumber(alex.accountNumber)).toEqual(alex);
        expect(await store.customers.get("nobody")).toBeUndefined();
        expect(await store.customers.findByAccountNumber("ACC-nobody")).toBeUndefined();
      }),
    );

    it(
      "replaces a customer with the same id and keeps the others",
      withStore(async ({ store }) => {
        const before = await store.customers.count();
        await store.customers.upsertMany([aCustomer({ id: "cust-a" }), aCustomer({ id: "cust-b" })]);
        await store.customers.upsertMany([aCustomer({ id: "cust-a", postcode: "EC1A 1BB" })]);
        expect(await store.customers.count()).toBe(before + 2);
        expect((await store.customers.get("cust-a"))?.postcode).toBe("EC1A 1BB");
        expect((await store.customers.get("cust-b"))?.postcode).toBe("SW1A 1AA");
      }),
    );

    it(
      "hands out read-only values: changing a returned customer fails and changes nothing stored",
      withStore(async ({ store }) => {
        const given = aCustomer({ id: "cust-copy" });
        await store.customers.upsertMany([given]);
        given.services[0]!.monthlyFee = 998; // the store kept its own copy
        const got = await store.customers.get("cust-copy");
        expect(() => {
          got!.services[0]!.monthlyFee = 999;
        }).toThrow(TypeError);
        expect((await store.customers.get("cust-copy"))?.services[0]?.monthlyFee).toBe(35);
        const coverage = await store.customers.coverage();
        expect(() => (coverage as unknown[]).push({})).toThrow(TypeError);
      }),
    );

    it(
      "stores coverage",
      withStore(async ({ store }) => {
        const coverage = [{ country: "GB", kind: "broadband" as const, postcodePrefixes: ["SW1A", "EC1"] }];
        await store.customers.setCoverage(coverage);
        expect(await store.customers.coverage()).toEqual(coverage);
      }),
    );

    it(
      "creates a conversation once; a second create with the same id is a conflict",
      withStore(async ({ store }) => {
        await store.conversations.create(aConversation("conv-once"));
        await expect(store.conversations.create(aConversation("conv-once"))).rejects.toMatchObject({
          code: "conflict",
        });
        expect(await store.conversations.get("conv-unknown")).toBeUndefined();
      }),
    );

    it(
      "appends turns in order with the engine state, and records the customer once identified",
      withStore(async ({ store }) => {
        await store.conversations.create(aConversation("conv-turns"));
        await store.conversations.appendTurn("conv-turns", aTurn(0, "I want to cancel"), {
          stage: "identify",
        });
        await store.conversations.appendTurn("conv-turns", aTurn(1, "What is your account number?", "bot"), {
          stage: "identify",
          tries: 0,
        });
        await store.conversations.appendTurn(
          "conv-turns",
          aTurn(2, "ACC-1 SW1A 1AA"),
          { stage: "understand" },
          {
            customerId: "cust-alex",
          },
        );
        const c = await store.conversations.get("conv-turns");
        expect(() => {
          (c!.state as { stage: string }).stage = "closed";
        }).toThrow(TypeError);
        expect(() => c!.turns.push(aTurn(3, "sneaky"))).toThrow(TypeError);
        expect(c?.turns.map((t) => t.text)).toEqual([
          "I want to cancel",
          "What is your account number?",
          "ACC-1 SW1A 1AA",
        ]);
        expect(c?.state).toEqual({ stage: "understand" });
        expect(c?.customerId).toBe("cust-alex");
        expect(c?.updatedAt).toBe(at(3));
        expect(await store.conversations.list({ customerId: "cust-alex" })).toEqual([
          expect.objectContaining({ id: "conv-turns", turnCount: 3 }),
        ]);
      }),
    );

    it(
      "rejects a turn that is not the next one, and a turn for an unknown conversation",
      withStore(async ({ store }) => {
        await store.conversations.create(aConversation("conv-seq"));
        await store.conversations.appendTurn("conv-seq", aTurn(0, "hello"), {});
        const stale = store.conversations.appendTurn("conv-seq", aTurn(0, "hello again"), {});
        await expect(stale).rejects.toBeInstanceOf(StoreError);
        await expect(stale).rejects.toMatchObject({ code: "conflict" });
        await expect(store.conversations.appendTurn("conv-none", aTurn(0, "x"), {})).rejects.toMatchObject({
          code: "not_found",
        });
        expect((await store.conversations.get("conv-seq"))?.turns).toHaveLength(1);
      }),
    );

    it(
      "appends a message and its replies in one write, all or none",
      withStore(async ({ store }) => {
        await store.conversations.create(aConversation("conv-batch"));
        await store.conversations.appendTurns(
          "conv-batch",
          [
            aTurn(0, "what do I owe?"),
            aTurn(1, "Nothing for leaving.", "bot"),
            aTurn(2, "Anything else?", "bot"),
          ],
          { stage: "review" },
        );
        await expect(
          store.conversations.appendTurns("conv-batch", [aTurn(3, "ok"), aTurn(5, "gap", "bot")], {
            stage: "x",
          }),
        ).rejects.toMatchObject({ code: "conflict" });
        const c = await store.conversations.get("conv-batch");
        expect(c?.turns.map((t) => t.seq)).toEqual([0, 1, 2]);
        expect(c?.state).toEqual({ stage: "review" });
      }),
    );

    it(
      "keeps concurrent turns of different conversations apart",
      withStore(async ({ store }) => {
        const ids = Array.from({ length: 20 }, (_, i) => `conv-par-${i}`);
        await Promise.all(ids.map((id) => store.conversations.create(aConversation(id))));
        await Promise.all(
          ids.map((id) => store.conversations.appendTurn(id, aTurn(0, `hi from ${id}`), { id })),
        );
        for (const id of ids)
          expect((await store.conversations.get(id))?.turns[0]?.text).toBe(`hi from ${id}`);
        expect(await store.conversations.count()).toBe(20);
      }),
    );

    it("keeps everything across a restart", async () => {
      const s = await open();
      try {
        if (!s.reopen) return; // not a persistent store
        await s.store.customers.upsertMany([aCustomer({ id: "cust-persist" })]);
        await s.store.conversations.create(aConversation("conv-persist", "cust-persist"));
        await s.store.conversations.appendTurn("conv-persist", aTurn(0, "cancel please"), {
          stage: "review",
        });
        const again = await s.reopen();
        expect(await again.customers.get("cust-persist")).toEqual(aCustomer({ id: "cust-persist" }));
        const c = await again.conversations.get("conv-persist");
        expect(c?.state).toEqual({ stage: "review" });
        expect(c?.turns).toHaveLength(1);
      } finally {
        await s.cleanup();
      }
    });
  });
}

export function auditContract(name: string, open: () => Promise<StoreUnderTest>): void {
  describe(`${name} audit log contract`, () => {
    it("chains entries in order and reads them back, per conversation", async () => {
      const { store, cleanup } = await open();
      try {
        const first = await store.audit.append({
          at: at(1),
          conversationId: "conv-a",
          kind: "decision",
          data: { policyRevision: "abc123", totalDue: 0 },
        });
        const second = await store.audit.append({
          at: at(2),
          conversationId: "conv-b",
          kind: "disclosure",
          data: { obligation: "device_unlock" },
        });
        expect(first.seq).toBe(0);
        expect(second.seq).toBe(1);
        expect(second.prevHash).toBe(first.hash);
        expect((await store.audit.read({ conversationId: "conv-b" })).map((e) => e.kind)).toEqual([
          "disclosure",
        ]);
        expect(await store.audit.read()).toHaveLength(2);
        expect(await store.audit.verify()).toEqual([]);
      } finally {
        await cleanup();
      }
    });

    it("appends a turn's records together, chained in order after what is there", async () => {
      const { store, cleanup } = await open();
      try {
        const before = await store.audit.append({
          at: at(1),
          conversationId: "conv-a",
          kind: "decision",
          data: { policyRevision: "abc123" },
        });
        const turn = await store.audit.appendAll([
          { at: at(2), conversationId: "conv-a", kind: "action", data: { key: "end-service:svc-1" } },
          { at: at(2), conversationId: "conv-a", kind: "action_result", data: { key: "end-service:svc-1" } },
          { at: at(2), conversationId: "conv-a", kind: "receipt", data: { reference: "FX-1" } },
        ]);
        expect(turn.map((e) => e.seq)).toEqual([1, 2, 3]);
        expect(turn[0]!.prevHash).toBe(before.hash);
        expect(turn[2]!.prevHash).toBe(turn[1]!.hash);
        expect(await store.audit.appendAll([])).toEqual([]);
        expect((await store.audit.read()).map((e) => e.kind)).toEqual([
          "decision",
          "action",
          "action_result",
          "receipt",
        ]);
        expect(await store.audit.verify()).toEqual([]);
      } finally {
        await cleanup();
      }
    });
  });
}
