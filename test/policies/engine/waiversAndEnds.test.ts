import { describe, expect, it } from "vitest";
import { compiled, customer, decideFor, pack, traceOf } from "./support.js";

const contract = {
  start: "2026-01-10",
  minimumTermMonths: 24,
  noticeDays: 30,
  salesChannel: "phone" as const,
  exitFeePercent: 100,
};
const broadband = (overrides: object = {}) => ({
  id: "bb",
  kind: "broadband" as const,
  plan: "Fibre 500",
  monthlyFee: 30,
  currency: "GBP",
  contract,
  ...overrides,
});

/** A £300 exit fee and a £20 equipment charge on service bb. */
const FEES = `fees:
  - id: exit-fee
    kind: exit_fee
    amount: 300
    explanation: exit
  - id: equipment
    kind: equipment
    amount: 20
    explanation: router not returned
`;

const movingPromise = {
  id: "prom-1",
  date: "2026-01-10",
  by: "Sam (sales)",
  silo: "sales" as const,
  channel: "call" as const,
  words: "Moving somewhere we cannot serve ends it free.",
  structured: {
    kind: "free_cancellation" as const,
    condition: "moving_out_of_coverage" as const,
    serviceIds: ["bb"],
  },
};

describe("waivers", () => {
  it("a recorded promise whose condition holds waives the fees it covers, citing the promise", () => {
    const policy = compiled(
      pack(
        "p",
        `${FEES}waivers:
  - id: honour-promise
    feeKinds: [exit_fee]
    when: conversation.reason == "moving"
    evidence:
      - kind: promise
        from: customer.promises.filter(p, p.structured.condition == "moving_out_of_coverage")
        note: "{{ item.by }}: {{ item.words }}"
    requireEvidence: true
    reason: 'We keep the promise made on {{ evidence.promise[0].date }}: {{ money(waived, service.currency) }} waived.'
    citation: Our promise to honour what sales said
`,
      ),
    );
    const d = decideFor(policy, customer({ services: [broadband()], promises: [movingPromise] }), {
      reason: "moving",
    });
    expect(d.waivers).toEqual([
      {
        ruleId: "honour-promise",
        serviceId: "bb",
        feeKinds: ["exit_fee"],
        amountWaived: 300,
        currency: "GBP",
        reason: "We keep the promise made on 2026-01-10: £300.00 waived.",
        evidence: [
          {
            kind: "promise",
            ref: "prom-1",
            note: "Sam (sales): Moving somewhere we cannot serve ends it free.",
          },
          { kind: "regulation", ref: "Our promise to honour what sales said" },
        ],
      },
    ]);
    expect(d.services[0]!.totalDue).toBe(20);
  });

  it("without the evidence it requires, the waiver does not apply, and the trace says so", () => {
    const policy = compiled(
      pack(
        "p",
        `${FEES}waivers:
  - id: honour-promise
    feeKinds: [exit_fee]
    evidence: [{ kind: promise, from: customer.promises }]
    requireEvidence: true
    reason: kept
`,
      ),
    );
    const d = decideFor(policy, customer({ services: [broadband()] }));
    expect(d.waivers).toEqual([]);
    expect(traceOf(d, "honour-promise")[0]).toMatchObject({
      matched: false,
      why: "always applies; no evidence on record",
    });
  });

  it("a percentage, or an amount up to a limit, waives part of the fees", () => {
    const policy = compiled(
      pack(
        "p",
        `${FEES}waivers:
  - id: half
    feeKinds: [exit_fee]
    waive: { percent: 50 }
    reason: half
  - id: goodwill
    feeKinds: [exit_fee, equipment]
    waive: { upTo: 100 }
    reason: goodwill
`,
      ),
    );
    const d = decideFor(policy, customer({ services: [broadband()] }));
    expect(d.waivers.map((w) => [w.ruleId, w.amountWaived])).toEqual([
      ["half", 150],
      ["goodwill", 100],
    ]);
    expect(d.services[0]!.totalDue).toBe(70);
  });

  it("waivers apply in order and never waive the same money twice", () => {
    const policy = compiled(
      pack(
        "p",
        `${FEES}waivers:
  - id: first
    feeKinds: [exit_fee]
    reason: first
  - id: second
    feeKinds: [exit_fee]
    reason: second
`,
      ),
    );
    const d = decideFor(policy, customer({ services: [broadband()] }));
    expect(d.waivers.map((w) => [w.ruleId, w.amountWaived])).toEqual([["first", 300]]);
    expect(traceOf(d, "second")[0]).toMatchObject({
      matched: true,
      why: "always applies; nothing left to waive",
    });
    expect(d.totals).toEqual([{ currency: "GBP", amount: 20 }]);
  });
});

describe("when each service ends", () => {
  it("without a rule, the contract's notice counts from today", () => {
    const d = decideFor(compiled(pack("p", "")), customer({ services: [broadband()] }));
    expect(d.services[0]).toMatchObject({ endDate: "2026-12-23", noticeDays: 30 });
  });

  it("the last matching rule decides the notice and the end date", () => {
    const policy = compiled(
      pack(
        "p",
        `serviceEnd:
  - id: contract
    noticeDays: service.contract.noticeDays
  - id: switching
    when: conversation.reason == "switching_provider"
    noticeDays: 1
    endDate: workingDaysAfter(today, 1)
  - id: never
    when: conversation.reason == "price"
    noticeDays: 90
`,
      ),
    );
    const d = decideFor(policy, customer({ services: [broadband()] }), { reason: "switching_provider" });
    expect(d.services[0]).toMatchObject({ endDate: "2026-11-24", noticeDays: 1 });
    expect(traceOf(d, "contract")[0]).toMatchObject({
      matched: false,
      why: "not considered: a later rule decides",
    });
  });

  it("an end date in the past is today", () => {
    const policy = compiled(
      pack("p", `serviceEnd:\n  - id: backdated\n    noticeDays: 0\n    endDate: '"2026-10-30"'\n`),
    );
    expect(decideFor(policy, customer({ services: [broadband()] })).services[0]!.endDate).toBe("2026-11-23");
  });

  it("only the services named in the conversation are ended", () => {
    const two = { services: [broadband(), broadband({ id: "tv", kind: "tv", plan: "TV" })] };
    const d = decideFor(compiled(pack("p", "")), customer(two), { serviceIds: ["tv", "nope"] });
    expect(d.services.map((s) => s.serviceId)).toEqual(["tv"]);
    expect(traceOf(d, "(input)")[0]!.why).toBe("no service nope on this account");
  });
});
