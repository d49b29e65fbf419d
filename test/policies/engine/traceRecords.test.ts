/**
 * The trace is written in words when it is first read, from what each rule saw when it ran:
 * copies and JSON include it like any other field, and later changes to the customer do not
 * change what it says.
 */
import { describe, expect, it } from "vitest";
import { matchedRuleIds } from "../../../src/policies/trace.js";
import { compiled, customer, decideFor, pack, traceOf } from "./support.js";

const policy = () =>
  compiled(
    pack(
      "p",
      `obligations:
  - id: mobile-only
    topic: porting_code
    when: customer.services.exists(s, s.kind == "mobile") && customer.name.given == "Ada"
    before: confirm
    message: Ask for your code.
`,
    ),
  );

describe("a decision's trace", () => {
  it("is in JSON and in copies, entry for entry", () => {
    const d = decideFor(policy(), customer());
    const copy = structuredClone(d);
    expect(copy.trace).toEqual(d.trace);
    expect(JSON.parse(JSON.stringify(d)).trace).toEqual(d.trace);
    expect({ ...d }.trace).toBe(d.trace);
    expect(Object.keys(d).at(-1)).toBe("trace");
  });

  it("says what a rule saw when it ran, whatever changes afterwards", () => {
    const who = customer();
    const d = decideFor(policy(), who);
    (who.name as { given: string }).given = "Changed";
    expect(traceOf(d, "mobile-only")[0]!.why).toContain(`customer.name.given = "${customer().name.given}"`);
  });

  it("names the matched rules alike before and after it is put into words", () => {
    const before = matchedRuleIds(decideFor(policy(), customer()));
    const d = decideFor(policy(), customer());
    const inWords = d.trace.filter((t) => t.matched).map((t) => t.ruleId);
    expect(before).toContain("pack:p");
    expect(before).toEqual(inWords);
    expect(matchedRuleIds(d)).toEqual(inWords);
  });

  it("can be replaced", () => {
    const d = decideFor(policy(), customer());
    d.trace = [];
    expect(d.trace).toEqual([]);
  });
});
