import { describe, expect, it } from "vitest";
import { lint } from "../../../src/policies/lint.js";
import { formatPolicyError } from "../../../src/policies/policyError.js";
import { compiled, defaultPolicy, pack } from "./support.js";

const lines = (body: string, ...more: { path: string; text: string }[]) =>
  lint(compiled(pack("p", body), ...more)).map(formatPolicyError);

describe("policy check (lint)", () => {
  it("the default packs are clean", () => {
    expect(lint(defaultPolicy()).map(formatPolicyError)).toEqual([]);
  });

  it("a rule that can never apply is unreachable", () => {
    expect(lines(`escalation:\n  - id: never\n    when: 1 > 2\n    reason: x\n`)).toEqual([
      "policies/p.yaml:6:5 [never] warning: unreachable: `when` is always false",
    ]);
  });

  it("a serviceEnd rule followed by one that always applies is unreachable", () => {
    expect(
      lines(
        `serviceEnd:\n  - id: switch\n    when: conversation.reason == "switching_provider"\n    noticeDays: 1\n  - id: contract\n    noticeDays: 30\n`,
      ),
    ).toEqual([
      "policies/p.yaml:6:5 [switch] warning: unreachable: serviceEnd rule contract comes later and always applies",
    ]);
  });

  it("an allow and a deny with the same condition contradict each other", () => {
    const out = lines(`retention:
  rules:
    - id: movers-yes
      effect: allow
      when: conversation.reason == "moving"
      reason: yes
    - id: movers-no
      effect: deny
      when: conversation.reason=="moving"
      reason: no
`);
    expect(out).toEqual([
      "policies/p.yaml:7:7 [movers-yes] warning: contradicts retention rule movers-no: same condition, opposite effect (the deny wins)",
    ]);
  });

  it("a waiver of a fee nothing charges is unreachable", () => {
    expect(lines(`waivers:\n  - id: free-notice\n    feeKinds: [notice_period]\n    reason: x\n`)).toEqual([
      "policies/p.yaml:6:5 [free-notice] warning: unreachable: no fee rule charges notice_period, so there is nothing to waive",
    ]);
  });

  it("a fact nobody reads is reported", () => {
    expect(lines(`facts:\n  - id: spare\n    value: 1\n`)).toEqual([
      "policies/p.yaml:6:5 [spare] warning: fact spare is never used by any rule",
    ]);
  });

  it("switching off the only obligation on a topic leaves the customer uninformed", () => {
    const base = pack(
      "base",
      `obligations:\n  - id: unlock\n    topic: device_unlock\n    before: confirm\n    message: We unlock it free.\n`,
    );
    const local = pack("local", "", "extends: [base]\ndisable: [unlock]\n");
    expect(lint(compiled(base, local)).map((e) => e.message)).toEqual([
      "local disables obligation unlock: nothing is said about device_unlock any more",
    ]);
  });

  it("a scheduled message without words is reported", () => {
    expect(lines(`actions:\n  - id: remind\n    kind: schedule_message\n    idempotencyKey: r\n`)).toEqual([
      "policies/p.yaml:6:5 [remind] warning: a scheduled message needs a `message` param: the customer would get an empty message",
    ]);
  });

  it("text the tone rules forbid is an error, with a compliant wording to use instead", () => {
    const tone = pack(
      "p",
      `tone:
  categories:
    - id: guilt_tripping
      description: Makes the customer feel guilty for leaving.
      citation: UCPD Art. 8-9
      alternative: Thanks for letting us know.
      phrases:
        en: ["we will miss you"]
retention:
  rules:
    - id: ok
      effect: allow
      reason: fine
  offers:
    - id: guilt
      text: We will miss you {{ customer.name.given }}! Stay for half price?
`,
    );
    const [e] = lint(compiled(tone));
    expect(e).toMatchObject({ severity: "error", ruleId: "guilt", line: 19 });
    expect(e!.message).toMatch(/^"We will miss you": .*Say instead, e\.g\.: "Thanks for letting us know\."$/);
  });
});
