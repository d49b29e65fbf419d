/**
 * A decision is made again only when something it depends on changed: the policy, the customer
 * record, the coverage, the conversation facts, or time beyond what the decision depends on.
 */
import { describe, expect, it } from "vitest";
import { readCustomerFile } from "../../../src/adapters/files/readCustomerFile.js";
import { decide } from "../../../src/policies/decide.js";
import type { Decision, DecisionContext } from "../../../src/policies/decision.js";
import { decideOrReuse, stillHolds } from "../../../src/policies/decisionReuse.js";
import { compiled, customer, defaultPolicy, NOW, pack, repoRoot, ukCoverage } from "./support.js";

const endDate = `obligations:
  - id: end-date
    per: service
    topic: end_date
    before: confirm
    message: '{{ service.plan }} ends on {{ longDate(outcome.endDate) }}.'
`;
const policy = compiled(pack("p", endDate));
const at = (iso: string) => new Date(iso);

function aContext(overrides: Partial<DecisionContext> = {}): DecisionContext {
  return { customer: customer(), coverage: ukCoverage, conversation: { reason: "moving" }, ...overrides };
}

/** The decision as JSON, without the time it was made. */
function made(d: Decision): unknown {
  const { decidedAt: _, ...rest } = JSON.parse(JSON.stringify(d)) as Decision;
  return rest;
}

describe("a decision that still holds", () => {
  it("is reused later the same day for the same customer, facts and policy, and says when it was made", () => {
    const context = aContext();
    const first = decideOrReuse(undefined, policy, context, NOW);
    // Another turn builds its facts anew: equal, not the same object.
    const sameFacts = { ...context, conversation: { reason: "moving" as const } };
    const later = decideOrReuse(first, policy, sameFacts, at("2026-11-23T23:59:59.999Z"));
    expect(later).toBe(first);
    expect(later.decision.decidedAt).toBe("2026-11-23T10:00:00.000Z");
  });

  it("is made again from midnight on, as deciding afresh would", () => {
    const context = aContext();
    const first = decideOrReuse(undefined, policy, context, NOW);
    const tomorrow = at("2026-11-24T00:00:00.000Z");
    const next = decideOrReuse(first, policy, context, tomorrow);
    expect(next).not.toBe(first);
    expect(next.decision).toEqual(decide(policy, context, tomorrow));
  });

  it("is made again when the facts, the customer record, the coverage or the policy changed", () => {
    const context = aContext();
    const first = decideOrReuse(undefined, policy, context, NOW);
    const changed: [string, DecisionContext, typeof policy][] = [
      ["facts", { ...context, conversation: { reason: "price" } }, policy],
      ["customer record", { ...context, customer: customer() }, policy],
      ["coverage", { ...context, coverage: [...ukCoverage] }, policy],
      ["policy", context, compiled(pack("p", endDate))],
    ];
    for (const [what, other, otherPolicy] of changed)
      expect(stillHolds(first, otherPolicy, other, NOW), what).toBe(false);
  });

  it("is made again for a time before it was made (a clock set back)", () => {
    const first = decideOrReuse(undefined, policy, aContext(), NOW);
    expect(stillHolds(first, policy, first.context, at("2026-11-23T09:59:59.999Z"))).toBe(false);
  });

  it("with an action planned for later, holds until that time; then the action is skipped", () => {
    const reminding = compiled(
      pack(
        "p",
        `actions:
  - id: remind
    kind: schedule_message
    at: "'2026-11-23T12:00:00Z'"
    idempotencyKey: remind
    params:
      message: We will be in touch.
`,
      ),
    );
    const context = aContext();
    const first = decideOrReuse(undefined, reminding, context, NOW);
    expect(first.decision.actions.map((a) => a.id)).toEqual(["remind"]);
    expect(decideOrReuse(first, reminding, context, at("2026-11-23T12:00:00.000Z"))).toBe(first);
    const after = decideOrReuse(first, reminding, context, at("2026-11-23T12:00:00.001Z"));
    expect(after).not.toBe(first);
    expect(after.decision.actions).toEqual([]);
  });

  it("under a rule set that reads `now`, holds for that very instant only", () => {
    const readingNow = compiled(
      pack(
        "p",
        `facts:
  - id: asked_at
    per: customer
    value: now
`,
      ),
    );
    const context = aContext();
    const first = decideOrReuse(undefined, readingNow, context, NOW);
    expect(decideOrReuse(first, readingNow, context, NOW)).toBe(first);
    expect(decideOrReuse(first, readingNow, context, at("2026-11-23T10:00:00.001Z"))).not.toBe(first);
    const next = decideOrReuse(first, readingNow, context, at("2026-11-23T10:00:01.000Z"));
    expect(next.decision.facts.asked_at).toBe("2026-11-23T10:00:01Z");
  });

  it("is never a decision that failed", () => {
    const broken = at("not a time");
    const first = decideOrReuse(undefined, policy, aContext(), broken);
    expect(first.decision.escalation.required).toBe(true);
    expect(stillHolds(first, policy, first.context, broken)).toBe(false);
  });

  it("is exactly what deciding afresh gives, for every demo customer under the default packs", async () => {
    const packs = defaultPolicy();
    const demo = await readCustomerFile(`${repoRoot}/data/demo/customers.json`);
    const conversations = [
      {},
      { reason: "moving" as const, newPostcode: "114 55", newCountry: "SE" },
      { reason: "price" as const, offersMade: 1, offersDeclined: 1, channel: "webchat" },
    ];
    const times = ["2026-11-23T00:00:00.000Z", "2026-11-23T10:00:00.500Z", "2026-11-23T23:59:59.999Z"];
    let reused = 0;
    for (const who of demo.customers)
      for (const conversation of conversations) {
        const context = { customer: who, coverage: demo.coverage, conversation };
        const first = decideOrReuse(undefined, packs, context, NOW);
        for (const t of times) {
          const fresh = decide(packs, context, at(t));
          if (!stillHolds(first, packs, context, at(t))) continue;
          reused++;
          expect(made(first.decision), `${who.id} at ${t}`).toEqual(made(fresh));
        }
      }
    // The UK and US customers' decisions hold all day; the EU pack dates its receipt with `now`.
    const notEu = demo.customers.filter((c) => !["SE", "DE"].includes(c.address.country)).length;
    expect(reused).toBe(notEu * conversations.length * 2);
  });
});
