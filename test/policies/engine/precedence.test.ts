import { describe, expect, it } from "vitest";
import { packsOf } from "../../../src/policies/trace.js";
import { compiled, customer, decideFor, pack } from "./support.js";

const BASE = pack(
  "base",
  `obligations:
  - id: porting
    topic: porting_code
    before: confirm
    message: Ask us for a porting code.
  - id: receipt
    topic: receipt
    before: farewell
    message: We send a receipt.
  - id: survey
    topic: survey
    before: farewell
    message: Please fill in our survey.
retention:
  maxOffers: 2
  rules:
    - id: allow-all
      effect: allow
      reason: Offers allowed.
  offers:
    - id: offer
      text: An offer.
`,
);

const UK = pack(
  "uk",
  `obligations:
  - id: porting
    topic: porting_code
    before: confirm
    message: Text PAC to 65075.
  - id: unlock-info
    topic: device_unlock
    before: confirm
    message: Unlocking is free.
retention:
  maxOffers: 1
`,
  'extends: [base]\nappliesTo: customer.jurisdiction == "UK"\ndisable: [survey]\n',
);

const DE = pack(
  "de",
  `retention:
  rules:
    - id: no-offers-here
      effect: deny
      reason: No offers in this market.
`,
  'extends: [base]\nappliesTo: customer.jurisdiction == "DE"\n',
);

describe("packs compose in a stated order", () => {
  const policy = compiled(DE, BASE, UK);
  const uk = customer();
  const de = customer({ jurisdiction: "DE" });
  const se = customer({ jurisdiction: "SE" });

  it("a pack applies by its appliesTo and brings the packs it extends, which come first", () => {
    expect(policy.packs.map((p) => p.name)).toEqual(["base", "de", "uk"]);
    expect(packsOf(decideFor(policy, uk))).toEqual(["base", "uk"]);
    expect(packsOf(decideFor(policy, de))).toEqual(["base", "de"]);
    expect(packsOf(decideFor(policy, se))).toEqual(["base"]);
  });

  it("a later pack replaces a rule with the same id, in its place; new rules come after", () => {
    const messages = decideFor(policy, uk).obligations.map((o) => `${o.id}: ${o.message}`);
    expect(messages).toEqual([
      "porting: Text PAC to 65075.",
      "receipt: We send a receipt.",
      "unlock-info: Unlocking is free.",
    ]);
  });

  it("a pack can switch off a rule it inherits", () => {
    expect(decideFor(policy, uk).obligations.map((o) => o.id)).not.toContain("survey");
    expect(decideFor(policy, se).obligations.map((o) => o.id)).toContain("survey");
  });

  it("a single value (the most offers) comes from the last pack that sets it", () => {
    expect(decideFor(policy, uk).retention.maxOffers).toBe(1);
    expect(decideFor(policy, se).retention.maxOffers).toBe(2);
  });

  it("a prohibition in a later pack beats a permission in an earlier one", () => {
    const d = decideFor(policy, de);
    expect(d.retention.allowed).toBe(false);
    expect(d.retention.blockedBy.map((b) => b.ruleId)).toEqual(["no-offers-here"]);
  });

  it("the revision is a hash of what the packs say, not of how they are written", () => {
    const reformatted = { ...BASE, text: `# a comment\n${BASE.text.replaceAll("message: ", "message:   ")}` };
    expect(compiled(DE, reformatted, UK).revision).toBe(policy.revision);
    const changed = { ...BASE, text: BASE.text.replace("We send a receipt.", "We send a receipt at once.") };
    expect(compiled(DE, changed, UK).revision).not.toBe(policy.revision);
    expect(decideFor(policy, uk).policyRevision).toBe(policy.revision);
  });
});
