/**
 * Money the customer is told (issue 16, class 6), over whole conversations: every demo customer
 * with every reason on four dates, and generated variants of them (fast-check over the reason,
 * the services ended, the date, a financed device, an open dispute, vulnerabilities). Every amount
 * in every message, card, receipt and e-mail is one of the decision's amounts, none is blank, the
 * same figure is said everywhere, the notice month and a financed device's balance are never a
 * cost of leaving, and a dispute credit credits the decision's amount and closes the dispute.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EmbeddedOperations,
  MemoryOperationsJournal,
} from "../../../src/adapters/memory/embeddedOperations.js";
import type { Customer } from "../../../src/domain/customer.js";
import { aCancellationBot } from "../cancellationBot.js";
import { allDemoRuns, REASON_LINES, runDemoConversation } from "../guard/demoRuns.js";
import { moneyProblems } from "./moneyChecks.js";

describe("money in every demo story", () => {
  it("is the decision's, never blank, the same everywhere, with the notice month never a fee for leaving", async () => {
    const runs = await allDemoRuns();
    expect(runs.flatMap(moneyProblems)).toEqual([]);
    // The stories get as far as the money: receipts were sent and a dispute was credited.
    expect(
      runs.filter((r) => r.notifications.some((n) => n.body.includes("Total for leaving"))).length,
    ).toBeGreaterThan(150);
    expect(runs.filter((r) => r.journal.some((j) => j.kind === "credit_dispute")).length).toBeGreaterThan(0);
  });
});

/** A demo customer changed the ways the packs read money differently. */
function variant(
  base: Customer,
  v: { vulnerable: boolean; dispute: number | null; financed: number | null; startShiftDays: number },
): Customer {
  const c: Customer = structuredClone(base);
  if (!v.vulnerable) c.vulnerabilities = [];
  if (v.dispute !== null)
    c.billing.disputes = [
      ...c.billing.disputes.filter((d) => !d.open),
      {
        id: "disp-generated",
        opened: "2026-01-05",
        amount: v.dispute,
        currency: c.billing.currency,
        reason: "Charged for a month after a fault",
        open: true,
      },
    ];
  const mobile = c.services.find((s) => s.kind === "mobile");
  if (v.financed !== null && mobile)
    mobile.devices = [
      ...mobile.devices.filter((d) => d.ownership !== "financed"),
      {
        id: "dev-generated",
        kind: "handset",
        model: "Phone X",
        locked: false,
        ownership: "financed",
        financedBalance: v.financed,
        financedMonthsLeft: 12,
        mustBeReturned: false,
      },
    ];
  for (const s of c.services) {
    const start = new Date(`${s.contract.start}T00:00:00Z`);
    start.setUTCDate(start.getUTCDate() + v.startShiftDays);
    s.contract.start = start.toISOString().slice(0, 10);
  }
  return c;
}

describe("money in generated conversations", () => {
  it("holds for any reason, services, date, device balance, dispute and vulnerability", async () => {
    const { demo } = await aCancellationBot();
    const arbitrary = fc.record({
      customer: fc.constantFrom(...demo.customers),
      reason: fc.constantFrom(...REASON_LINES),
      everything: fc.boolean(),
      day: fc.integer({ min: -200, max: 1200 }),
      vulnerable: fc.boolean(),
      dispute: fc.option(fc.integer({ min: 1, max: 24_000 }).map((cents) => cents / 100)),
      financed: fc.option(fc.integer({ min: 100, max: 150_000 }).map((cents) => cents / 100)),
      startShiftDays: fc.integer({ min: -400, max: 60 }),
    });
    const seen = { receipts: 0, deviceBalances: 0, credits: 0 };
    await fc.assert(
      fc.asyncProperty(arbitrary, async (g) => {
        const customer = variant(g.customer, g);
        const now = new Date(Date.parse("2026-11-23T10:00:00Z") + g.day * 86_400_000).toISOString();
        const services = g.everything ? "all of them" : (customer.services[0]?.kind ?? "all of them");
        const run = await runDemoConversation(customer, { reason: g.reason, now, services });
        expect(moneyProblems(run)).toEqual([]);
        // Nor did the guard have to stop a message (which would hide what it said from the checks above).
        expect(run.findings).toEqual([]);
        const said = run.delivered.map((m) => m.text).join("\n");
        if (run.notifications.length > 0) seen.receipts++;
        if (said.includes("pay the balance as agreed")) seen.deviceBalances++;
        if (run.journal.some((j) => j.kind === "credit_dispute")) seen.credits++;
      }),
      { numRuns: 120, seed: 16 },
    );
    // The generated conversations reach what is checked (fast-check replays failures only).
    expect(seen.receipts).toBeGreaterThan(30);
    expect(seen.deviceBalances).toBeGreaterThan(3);
    expect(seen.credits).toBeGreaterThan(3);
  });
});

describe("a dispute credit", () => {
  it("credits the decision's amount, closes the dispute in the store and says the amount in the receipt", async () => {
    const { demo } = await aCancellationBot();
    const customer = demo.customers.find((c) => c.id === "cust-uk-paytv-outages")!;
    const run = await runDemoConversation(customer, { reason: "it's too expensive" });
    const credit = run.journal.find((j) => j.kind === "credit_dispute");
    expect(credit?.result).toMatchObject({
      credited: 34,
      currency: "GBP",
      closed: ["disp-uk-paytv-golf-plus"],
    });
    expect(run.customerAfter?.billing.disputes.find((d) => d.id === "disp-uk-paytv-golf-plus")?.open).toBe(
      false,
    );
    expect(run.customerAfter?.billing.balance).toBe(customer.billing.balance - 34);
    const receipt = run.notifications.find((n) => n.subject?.startsWith("Your cancellation"))?.body ?? "";
    expect(receipt).toContain("We credit £34.00 for your open dispute");
    expect(run.delivered.map((m) => m.text).join("\n")).toContain("we credit £34.00");
  });

  it("without an amount fails rather than crediting nothing, and credits once however often it runs", async () => {
    const { store } = await aCancellationBot();
    const ops = new EmbeddedOperations(
      new MemoryOperationsJournal(),
      () => new Date("2026-11-23T10:00:00Z"),
      "s",
      store.customers,
    );
    const action = {
      id: "a",
      ruleId: "credit-disputes",
      kind: "credit_dispute" as const,
      idempotencyKey: "disputes:cust-uk-paytv-outages:disp-uk-paytv-golf-plus",
      params: { disputeIds: "disp-uk-paytv-golf-plus" } as Record<string, unknown>,
      customerId: "cust-uk-paytv-outages",
    };
    await expect(ops.execute(action)).rejects.toThrow(/params\.amount/);
    const before = (await store.customers.get("cust-uk-paytv-outages"))!.billing.balance;
    const paid = { ...action, params: { ...action.params, amount: "34", currency: "GBP" } };
    await ops.execute(paid);
    // A second executor with a fresh journal (a lost journal write) closes nothing twice.
    const again = new EmbeddedOperations(
      new MemoryOperationsJournal(),
      () => new Date(),
      "s",
      store.customers,
    );
    expect(await again.execute(paid)).toMatchObject({ credited: 34, closed: [] });
    expect((await store.customers.get("cust-uk-paytv-outages"))!.billing.balance).toBe(before - 34);
  });
});
