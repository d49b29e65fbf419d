import { describe, expect, it } from "vitest";
import { formatPolicyError } from "../../../src/policies/policyError.js";
import { errorsOf, pack } from "./support.js";

/** Lines 1-4 of every inline pack are the header; the body starts on line 5. */
describe("a policy that does not compile names the file, line, column and rule of each problem", () => {
  it("a CEL syntax error points at the character inside the YAML value", () => {
    const [e] = errorsOf([
      pack(
        "p",
        `fees:
  - id: exit-fee
    kind: exit_fee
    amount: service.monthlyFee *
    explanation: x
`,
      ),
    ]);
    // "    amount: " is 12 characters: the expression starts at column 13 and ends at 32.
    expect(e).toMatchObject({
      file: "policies/p.yaml",
      line: 8,
      column: 33,
      ruleId: "exit-fee",
      severity: "error",
    });
    expect(e!.message).toMatch(/Unexpected token/);
    expect(formatPolicyError(e!)).toBe(`policies/p.yaml:8:33 [exit-fee] ${e!.message}`);
  });

  it("a misspelt customer field is found at load, not when a customer arrives", () => {
    const [e] = errorsOf([
      pack(
        "p",
        `escalation:\n  - id: big-spender\n    when: customer.billing.balence > 100\n    reason: x\n`,
      ),
    ]);
    // "    when: " is 10 characters; "customer.billing." is 17 more.
    expect(e).toMatchObject({ line: 7, column: 28, ruleId: "big-spender", message: "No such key: balence" });
  });

  it("an expression in a quoted or folded scalar is located inside the quotes or block", () => {
    const errors = errorsOf([
      pack(
        "p",
        `escalation:
  - id: quoted
    when: "conversation.legalThreat && customer.nme == 'x'"
    reason: x
  - id: folded
    when: >-
      conversation.requestedPerson &&
      customer.agee > 3
    reason: x
`,
      ),
    ]);
    expect(errors.map((e) => [e.ruleId, e.line, e.column])).toEqual([
      ["quoted", 7, 49],
      ["folded", 12, 16],
    ]);
  });

  it("a template placeholder error points inside the {{ }}", () => {
    const [e] = errorsOf([
      pack(
        "p",
        `obligations:\n  - id: end-date\n    per: service\n    topic: end_date\n    before: confirm\n    message: Your service ends on {{ outcome.endDay }}.\n`,
      ),
    ]);
    // "    message: " is 13 characters, "Your service ends on {{ outcome." 32 more.
    expect(e).toMatchObject({ line: 10, column: 46, ruleId: "end-date", message: "No such key: endDay" });
  });

  it("a variable a rule cannot see is named with what it can see", () => {
    const [e] = errorsOf([
      pack("p", `escalation:\n  - id: locked\n    when: device.locked\n    reason: x\n`),
    ]);
    expect(e!.message).toBe(
      "device is not available in a per-customer rule (available: customer, conversation, today, now, facts, totals)",
    );
    expect(e).toMatchObject({ line: 7, column: 11, ruleId: "locked" });
  });

  it("a condition that is not true or false is refused", () => {
    const [e] = errorsOf([
      pack("p", `escalation:\n  - id: fee\n    when: customer.billing.balance\n    reason: x\n`),
    ]);
    expect(e!.message).toBe("expected true or false, but this expression gives double");
  });

  it("an unknown fact, a fact used before it is defined, and a per-service fact in a customer rule", () => {
    const errors = errorsOf([
      pack(
        "p",
        `facts:
  - id: early
    value: facts.late > 1
  - id: late
    value: 2
  - id: months_left
    per: service
    value: 3
escalation:
  - id: typo
    when: facts.lat > 1
    reason: x
  - id: wrong-scope
    when: facts.months_left > 1
    reason: x
`,
      ),
    ]);
    expect(errors.map((e) => `${e.line}:${e.column} [${e.ruleId}] ${e.message}`)).toEqual([
      '7:12 [early] unknown fact "late" (facts are defined before use, in this pack or one it extends)',
      '15:11 [typo] unknown fact "lat" (facts are defined before use, in this pack or one it extends)',
      '18:11 [wrong-scope] fact "months_left" is per service; it is not available in a per-customer rule',
    ]);
  });

  it("an unknown field is reported at its key, with the field it probably meant", () => {
    const [e] = errorsOf([
      pack("p", `escalation:\n  - id: asks\n    wen: conversation.requestedPerson\n    reason: x\n`),
    ]);
    expect(e).toMatchObject({ line: 7, column: 5, ruleId: "asks" });
    expect(e!.message).toBe('unknown field "wen" in escalation[0] (did you mean "when"?)');
  });

  it("a missing required field is named", () => {
    const [e] = errorsOf([
      pack("p", `obligations:\n  - id: receipt\n    topic: receipt\n    message: We send a receipt.\n`),
    ]);
    expect(e).toMatchObject({
      line: 6,
      ruleId: "receipt",
      message: 'missing required field "before" in obligations[0]',
    });
  });

  it("a YAML syntax error is located", () => {
    const [e] = errorsOf([pack("p", `escalation:\n  - id: asks\n    when: [unclosed\n`)]);
    expect(e!.file).toBe("policies/p.yaml");
    expect(e!.message).toMatch(/^YAML: /);
    expect(e!.line).toBeGreaterThanOrEqual(7);
  });

  it("the same id twice in a pack is an error at the second one", () => {
    const errors = errorsOf([
      pack(
        "p",
        `escalation:\n  - id: asks\n    reason: a\nobligations:\n  - id: asks\n    topic: t\n    before: confirm\n    message: m\n`,
      ),
    ]);
    expect(errors).toEqual([
      expect.objectContaining({
        line: 9,
        column: 9,
        ruleId: "asks",
        message: 'duplicate id "asks" (already used in escalation)',
      }),
    ]);
  });

  it("packs that extend an unknown pack, or each other in a cycle, are refused", () => {
    const unknown = errorsOf([pack("uk", "", "extends: [baseline]\n")]);
    expect(unknown[0]).toMatchObject({ line: 5, column: 11, message: 'extends an unknown pack "baseline"' });
    const cycle = errorsOf([pack("a", "", "extends: [b]\n"), pack("b", "", "extends: [a]\n")]);
    expect(cycle[0]!.message).toBe("packs extend each other in a cycle: a -> b -> a");
  });

  it("a later pack cannot reuse an id for a different kind of rule, nor disable a rule that does not exist", () => {
    const errors = errorsOf([
      pack("base", `escalation:\n  - id: asks\n    reason: a\n`),
      pack(
        "local",
        `obligations:\n  - id: asks\n    topic: t\n    before: confirm\n    message: m\n`,
        "extends: [base]\ndisable: [nope]\n",
      ),
    ]);
    expect(errors.map((e) => e.message)).toEqual([
      'disable: no rule "nope" in the packs local extends',
      'id "asks" is in obligations here but in escalation in base',
    ]);
  });

  it("two packs with the same name are refused", () => {
    const errors = errorsOf([pack("same", ""), { ...pack("same", ""), path: "policies/copy.yaml" }]);
    expect(errors[0]).toMatchObject({
      file: "policies/copy.yaml",
      line: 4,
      message: 'pack "same" is also defined in policies/same.yaml',
    });
  });

  it("a tone section the utterance checker rejects is reported like any other problem", () => {
    const errors = errorsOf([
      pack(
        "p",
        `tone:
  categories:
    - id: pushy
      description: Pushy words.
      citation: House style
      alternative: Say it plainly.
      patterns:
        - id: bad
          regex: "(unclosed"
`,
      ),
    ]);
    expect(errors[0]).toMatchObject({ file: "policies/p.yaml", ruleId: "pushy/bad" });
    expect(errors[0]!.message).toMatch(/invalid regular expression/);
  });

  it("an empty folder is an error, not an empty policy", () => {
    expect(errorsOf([])[0]!.message).toBe("no policy pack files (*.yaml) found");
  });
});
