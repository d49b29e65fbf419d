import { describe, expect, it } from "vitest";
import { explainDecision } from "../../../src/policies/explain.js";
import { policyImpact } from "../../../src/policies/impact.js";
import { compiled, customer, decideFor, NOW, pack, ukCoverage } from "./support.js";

const withFee = (amount: number) =>
  pack(
    "p",
    `fees:
  - id: exit-fee
    kind: exit_fee
    amount: ${amount}
    explanation: early exit
obligations:
  - id: receipt
    topic: receipt
    before: farewell
    message: We send a receipt.
`,
  );

describe("explaining a decision", () => {
  it("says what is owed, what must be said and done, and whether a person takes over", () => {
    const text = explainDecision(decideFor(compiled(withFee(100)), customer()), { trace: true });
    expect(text).toContain(
      "svc-cust-test-1-bb (broadband): ends Wednesday 23 December 2026 (30 days' notice)",
    );
    expect(text).toContain("  fee          £100.00  early exit  [exit-fee]");
    expect(text).toContain("Total due on leaving: £100.00");
    expect(text).toContain("  before farewell: We send a receipt.  [receipt]");
    expect(text).toContain("Retention: no offer. no retention rule allows an offer [(retention)]");
    expect(text).toContain("  ✓ fee         exit-fee (svc-cust-test-1-bb): always applies; amount 100");
    expect(text).toContain("Root cause: no department failed the customer on record.");
  });

  it("names the departments that failed the customer, in the order each first failed", () => {
    const failures = customer({
      interactions: [
        {
          id: "i-bill",
          at: "2026-10-04T12:00:00Z",
          channel: "chat",
          silo: "billing",
          kind: "billing_error",
          summary: "promo missing",
          resolved: false,
        },
        {
          id: "i-late",
          at: "2026-09-22T16:00:00Z",
          channel: "field",
          silo: "install",
          kind: "late_appointment",
          summary: "late",
          resolved: false,
        },
        {
          id: "i-again",
          at: "2026-10-10T09:00:00Z",
          channel: "field",
          silo: "install",
          kind: "missed_appointment",
          summary: "no-show",
          resolved: false,
        },
        {
          id: "i-fee",
          at: "2026-09-23T09:00:00Z",
          channel: "call",
          silo: "care",
          kind: "undisclosed_fee",
          summary: "fee",
          resolved: false,
        },
        {
          id: "i-moan",
          at: "2026-09-01T09:00:00Z",
          channel: "email",
          silo: "network",
          kind: "complaint",
          summary: "slow",
          resolved: false,
        },
      ],
    });
    const decision = decideFor(compiled(withFee(100)), failures);
    expect(decision.rootCause.chain).toEqual(["install", "care", "billing"]);
    expect(decision.rootCause.links[0]).toMatchObject({
      kinds: ["late_appointment", "missed_appointment"],
      evidence: ["i-late", "i-again"],
    });
    expect(explainDecision(decision)).toContain(
      "Root cause (departments that failed the customer, in order): install -> care -> billing",
    );
  });
});

describe("the impact of a policy change", () => {
  it("lists whose decision changes and the fee change per currency", () => {
    const customers = [customer({ id: "cust-a" }), customer({ id: "cust-b" })];
    const report = policyImpact(compiled(withFee(100)), compiled(withFee(60)), customers, ukCoverage, NOW);
    expect(report.customers).toBe(2);
    expect(report.changed.map((c) => c.customerId)).toEqual(["cust-a", "cust-b"]);
    expect(report.changed[0]!.changes).toEqual([
      "total GBP 100 -> 60",
      "fee added: exit-fee svc-cust-a-bb 60",
      "fee removed: exit-fee svc-cust-a-bb 100",
    ]);
    expect(report.feeDelta).toEqual([{ currency: "GBP", amount: -80 }]);
  });

  it("an unchanged policy moves nobody", () => {
    const report = policyImpact(
      compiled(withFee(100)),
      compiled(withFee(100)),
      [customer()],
      ukCoverage,
      NOW,
    );
    expect(report).toEqual({ customers: 1, changed: [], feeDelta: [] });
  });
});
