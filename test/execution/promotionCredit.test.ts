/**
 * The embedded operations carry out a promotion credit (issue 16, class 10): the decision's
 * amount goes to the balance and is recorded on the promotion, once, even when the journal
 * that remembers the action is lost and the action runs again; an action without an amount
 * fails instead of crediting nothing.
 */
import { describe, expect, it } from "vitest";
import { readCustomerFile } from "../../src/adapters/files/readCustomerFile.js";
import { EmbeddedOperations, MemoryOperationsJournal } from "../../src/adapters/memory/embeddedOperations.js";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import type { PlannedAction } from "../../src/domain/decision.js";

const repo = new URL("../../", import.meta.url).pathname;
const now = () => new Date("2026-11-23T10:00:00Z");

async function storeWithChloe() {
  const store = openMemoryStore();
  const demo = await readCustomerFile(`${repo}data/demo/customers.json`);
  await store.customers.upsertMany(demo.customers);
  return store;
}

const action = (params: Record<string, unknown>): PlannedAction & { customerId: string } => ({
  id: "credit-unapplied-promotion:svc-uk-newbb-broadband",
  ruleId: "credit-unapplied-promotion",
  kind: "credit_promotion",
  serviceId: "svc-uk-newbb-broadband",
  idempotencyKey: "promo-credit:svc-uk-newbb-broadband:WELCOME10",
  params,
  customerId: "cust-uk-new-broadband",
});

describe("a promotion credit", () => {
  it("books the decision's amount once, even when it runs again with the journal lost", async () => {
    const store = await storeWithChloe();
    const credit = action({ promoCode: "WELCOME10", amount: "20", missed: "20", currency: "GBP" });
    const first = new EmbeddedOperations(new MemoryOperationsJournal(), now, "s", store.customers);
    expect(await first.execute(credit)).toMatchObject({ credited: 20, currency: "GBP", booked: 20 });
    const retry = new EmbeddedOperations(new MemoryOperationsJournal(), now, "s", store.customers);
    expect(await retry.execute(credit)).toMatchObject({ booked: 0 });
    const chloe = await store.customers.get("cust-uk-new-broadband");
    expect(chloe?.services[0]?.promo?.credited).toBe(20);
    expect(chloe?.billing.balance).toBe(12);
  });

  it("fails, naming the action, when the decision gave no amount", async () => {
    const store = await storeWithChloe();
    const ops = new EmbeddedOperations(new MemoryOperationsJournal(), now, "s", store.customers);
    await expect(ops.execute(action({ promoCode: "WELCOME10", currency: "GBP" }))).rejects.toThrow(
      /credit_promotion promo-credit:svc-uk-newbb-broadband:WELCOME10: params.amount/,
    );
    expect((await store.customers.get("cust-uk-new-broadband"))?.billing.balance).toBe(32);
  });
});
