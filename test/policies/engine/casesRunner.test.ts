import { describe, expect, it } from "vitest";
import { runCaseFile } from "../../../src/policies/cases/runCases.js";
import { compiled, customer, pack } from "./support.js";

const policy = compiled(
  pack(
    "p",
    `fees:
  - id: exit-fee
    kind: exit_fee
    amount: 100
    explanation: "{{ service.plan }} early exit"
obligations:
  - id: receipt
    topic: receipt
    before: farewell
    message: We send a receipt.
`,
  ),
);

const casesFile = (cases: string, extra = "") => ({
  path: "policies/p.cases.yaml",
  text: `apiVersion: fairexit/v1\nkind: PolicyCases\ndefaults:\n  now: 2026-11-23T10:00:00Z\n${extra}cases:\n${cases}`,
});

const ALEX = `customers:
  alex:
    id: cust-alex
    accountNumber: UK000001
    name: { given: Alex, family: Taylor }
    email: alex@example.com
    phone: "+447700900123"
    postcode: SW1A 1AA
    locale: en-GB
    jurisdiction: UK
    customerSince: 2020-01-15
    address: { line1: 1 Test Street, city: London, postcode: SW1A 1AA, country: GB }
    services:
      - id: bb
        kind: broadband
        plan: Fibre 500
        monthlyFee: 35
        currency: GBP
        contract: { start: 2025-06-01, minimumTermMonths: 18, noticeDays: 30, salesChannel: web }
    billing: { paymentMethod: { kind: invoice }, currency: GBP, balance: 0 }
`;

describe("the case runner", () => {
  it("passes a case whose expectations hold", () => {
    const r = runCaseFile(
      policy,
      casesFile(
        `  - name: Alex pays the exit fee
    customer: alex
    expect:
      totals: { GBP: 100 }
      fees: [{ rule: exit-fee, service: bb, amount: 100 }]
      obligations: [{ rule: receipt, before: farewell }]
`,
        ALEX,
      ),
    );
    expect(r.errors).toEqual([]);
    expect(r.results.map((x) => [x.name, x.passed, x.line])).toEqual([["Alex pays the exit fee", true, 26]]);
  });

  it("names every expectation that does not hold, in plain words", () => {
    const r = runCaseFile(
      policy,
      casesFile(
        `  - name: Alex was expected to pay nothing
    customer: alex
    expect:
      totals: { GBP: 0 }
      waivers: [{ rule: goodwill }]
      obligationsAbsent: [receipt]
      escalation: { required: true }
`,
        ALEX,
      ),
    );
    expect(r.results[0]!.failures).toEqual([
      "total GBP: expected 0, got 100",
      "waiver goodwill: not applied; waivers are none",
      "obligation receipt: present, expected not",
      "escalation required: expected true, got false (none)",
    ]);
  });

  it("fails a case whose texts have a placeholder that could not be filled", () => {
    const withBadText = compiled(
      pack(
        "p",
        `obligations:\n  - id: odd\n    topic: t\n    before: confirm\n    message: 'Your promo {{ customer.services[0].promo.code }}'\n`,
      ),
    );
    const r = runCaseFile(
      withBadText,
      casesFile(`  - name: anything\n    customer: alex\n    expect: {}\n`, ALEX),
    );
    expect(r.results[0]!.failures).toEqual([
      'obligation odd has an unavailable placeholder: "Your promo [unavailable]"',
    ]);
  });

  it("finds customers in the file, then in the demo data, and reports one it cannot find", () => {
    const demo = { customers: new Map([["cust-demo", customer({ id: "cust-demo" })]]), coverage: [] };
    const r = runCaseFile(
      policy,
      casesFile(
        `  - name: from the demo data\n    customer: cust-demo\n    expect: { totals: { GBP: 100 } }\n  - name: nobody\n    customer: cust-nobody\n    expect: {}\n`,
      ),
      demo,
    );
    expect(r.results.map((x) => x.passed)).toEqual([true]);
    expect(r.errors).toEqual([
      expect.objectContaining({
        line: 10,
        column: 15,
        message: 'no customer "cust-nobody" in this file or the demo data',
      }),
    ]);
  });

  it("reports a malformed case file with its line and column", () => {
    const r = runCaseFile(policy, casesFile(`  - name: typo\n    customer: alex\n    expcet: {}\n`, ALEX));
    expect(r.errors.map((e) => `${e.line}:${e.column} ${e.message}`)).toEqual([
      '26:5 missing required field "expect" in cases[0]',
      '28:5 unknown field "expcet" in cases[0] (did you mean "expect"?)',
    ]);
  });
});
