import { describe, expect, it } from "vitest";
import { compiled, customer, decideFor, errorsOf, pack, traceOf } from "./support.js";

const twoYearContract = {
  services: [
    {
      id: "bb",
      kind: "broadband" as const,
      plan: "Fibre 500",
      monthlyFee: 35,
      currency: "GBP",
      contract: {
        start: "2026-01-10",
        minimumTermMonths: 24,
        noticeDays: 30,
        salesChannel: "web" as const,
        exitFeePercent: 50,
      },
      devices: [
        {
          id: "phone",
          kind: "handset" as const,
          model: "Pixel 8",
          ownership: "financed" as const,
          financedBalance: 240.5,
        },
        { id: "router", kind: "router" as const, model: "Hub", ownership: "rented" as const },
      ],
    },
  ],
};

const FACTS = `facts:
  - id: term_end
    per: service
    value: addMonths(service.contract.start, service.contract.minimumTermMonths)
  - id: months_left
    per: service
    value: monthsBetween(today, facts.term_end)
`;

describe("facts", () => {
  it("are computed once per decision, in order, per customer or per service being ended", () => {
    const policy = compiled(
      pack("p", `facts:\n  - id: moving\n    value: conversation.reason == "moving"\n${FACTS.slice(7)}`),
    );
    const d = decideFor(policy, customer(twoYearContract), { reason: "moving" });
    expect(d.facts.moving).toBe(true);
    expect(d.facts.byService).toEqual({ bb: { term_end: "2028-01-10", months_left: 13 } });
    expect(traceOf(d, "months_left")[0]).toMatchObject({
      kind: "fact",
      matched: true,
      serviceId: "bb",
      why: "months_left = 13",
    });
  });

  it("a fact that cannot be evaluated is null, and the trace says why", () => {
    const policy = compiled(pack("p", `facts:\n  - id: first_promise\n    value: customer.promises[0].id\n`));
    const d = decideFor(policy, customer());
    expect(d.facts.first_promise).toBeNull();
    expect(traceOf(d, "first_promise")[0]!.why).toMatch(
      /^first_promise = null: `customer.promises\[0\].id` could not be evaluated/,
    );
  });

  it("can ask the coverage table whether an address can be served", () => {
    const policy = compiled(
      pack(
        "p",
        `facts:
  - id: new_address_served
    per: service
    value: covered(service.kind, "GB", conversation.newPostcode)
  - id: needs_coverage
    per: service
    value: locationBound(service.kind)
`,
      ),
    );
    const served = decideFor(policy, customer(), { newPostcode: "E1 6AN" }).facts.byService as Record<
      string,
      object
    >;
    const notServed = decideFor(policy, customer(), { newPostcode: "EH1 1AA" }).facts.byService as Record<
      string,
      object
    >;
    expect(Object.values(served)[0]).toEqual({ new_address_served: true, needs_coverage: true });
    expect(Object.values(notServed)[0]).toEqual({ new_address_served: false, needs_coverage: true });
  });

  it("reads the coverage table the way the domain model does (a UK district, or * for everywhere)", () => {
    const policy = compiled(
      pack(
        "p",
        `facts:
  - id: served
    value: covered("broadband", "GB", "M14 5RT") && !covered("broadband", "GB", "M1 1AA") && covered("mobile", "GB", "ZE1 0AA")
`,
      ),
    );
    const coverage = [
      { country: "GB", kind: "broadband" as const, postcodePrefixes: ["M14"] },
      { country: "GB", kind: "mobile" as const, postcodePrefixes: ["*"] },
    ];
    expect(decideFor(policy, customer(), {}, undefined, coverage).facts.served).toBe(true);
  });

  it("takes the coverage table as an input of each decision, and keeps nothing of it in the policy", () => {
    const policy = compiled(
      pack("p", `facts:\n  - id: served\n    value: covered("broadband", "GB", "M14 5RT")\n`),
    );
    const before = Object.keys(policy).sort();
    const table = (prefix: string) => [
      { country: "GB", kind: "broadband" as const, postcodePrefixes: [prefix] },
    ];
    expect(decideFor(policy, customer(), {}, undefined, table("M14")).facts.served).toBe(true);
    expect(decideFor(policy, customer(), {}, undefined, table("M1")).facts.served).toBe(false);
    expect(decideFor(policy, customer(), {}, undefined, table("M14")).facts.served).toBe(true);
    expect(Object.keys(policy).sort()).toEqual(before);
    expect(before).not.toContain("slot");
  });

  it("does not let an expression name the variable that carries the coverage table", () => {
    const errors = errorsOf([pack("p", "facts:\n  - id: x\n    value: size(__coverage) > 0\n")]);
    expect(errors.map((e) => e.message)).toContain("__coverage is a reserved name");
  });
});

describe("fees", () => {
  const fees = (body: string) => compiled(pack("p", `${FACTS}fees:\n${body}`));

  it("an exit fee is remaining months × monthly fee × the contract's percentage, explained in plain words", () => {
    const policy = fees(`  - id: exit-fee
    kind: exit_fee
    amount: facts.months_left * service.monthlyFee * service.contract.exitFeePercent / 100
    explanation: "{{ facts.months_left }} months × {{ money(service.monthlyFee, service.currency) }} × {{ service.contract.exitFeePercent }}% = {{ money(amount, service.currency) }}"
`);
    const d = decideFor(policy, customer(twoYearContract));
    expect(d.services[0]!.fees).toEqual([
      {
        ruleId: "exit-fee",
        serviceId: "bb",
        kind: "exit_fee",
        amount: 227.5,
        currency: "GBP",
        explanation: "13 months × £35.00 × 50% = £227.50",
      },
    ]);
    expect(d.totals).toEqual([{ currency: "GBP", amount: 227.5 }]);
  });

  it("a cap limits the fee, and the trace says it was capped", () => {
    const policy = fees(`  - id: exit-fee
    kind: exit_fee
    amount: facts.months_left * service.monthlyFee
    cap: 3 * service.monthlyFee
    explanation: capped
`);
    const d = decideFor(policy, customer(twoYearContract));
    expect(d.services[0]!.fees[0]!.amount).toBe(105);
    expect(traceOf(d, "exit-fee")[0]!.why).toMatch(/amount 455; capped at 105$/);
  });

  it("amounts are rounded to cents; a fee of nothing is not listed; a negative amount is nothing", () => {
    const policy = fees(`  - id: thirds
    kind: other
    amount: 100 / 3.0
    explanation: a third
  - id: nothing
    kind: other
    amount: 0
    explanation: zero
  - id: negative
    kind: other
    amount: -5
    explanation: minus
`);
    const d = decideFor(policy, customer(twoYearContract));
    expect(d.services[0]!.fees.map((f) => [f.ruleId, f.amount])).toEqual([["thirds", 33.33]]);
    expect(traceOf(d, "negative")[0]).toMatchObject({
      matched: true,
      why: "always applies; amount -5: nothing to pay",
    });
  });

  it("a per-device fee is charged for each device that matches", () => {
    const policy = fees(`  - id: device-balance
    per: device
    kind: device_balance
    when: device.ownership == "financed"
    amount: device.financedBalance
    explanation: what is left on the {{ device.model }}
`);
    const d = decideFor(policy, customer(twoYearContract));
    expect(d.services[0]!.fees).toEqual([
      expect.objectContaining({
        kind: "device_balance",
        amount: 240.5,
        explanation: "what is left on the Pixel 8",
      }),
    ]);
    expect(traceOf(d, "device-balance").map((t) => t.matched)).toEqual([true, false]);
  });

  it("a fee whose amount cannot be computed is not charged, and the trace says why", () => {
    const policy = fees(`  - id: broken
    kind: other
    amount: service.contract.exitFeePercent * 2
    explanation: x
`);
    const d = decideFor(policy, customer());
    expect(d.services[0]!.fees).toEqual([]);
    expect(traceOf(d, "broken")[0]).toMatchObject({ matched: false });
    expect(traceOf(d, "broken")[0]!.why).toMatch(/could not be evaluated: No such key: exitFeePercent/);
  });
});
