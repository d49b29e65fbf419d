import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Decision } from "../../../src/domain/decision.js";
import { decide } from "../../../src/policies/decide.js";
import { UNAVAILABLE } from "../../../src/policies/evaluate.js";
import { conversationArb, coverageArb, customerArb, nowArb } from "./arbitraries.js";
import { defaultPolicy } from "./support.js";

const policy = defaultPolicy();
/** More runs locally: PROPERTY_RUNS=5000 npx vitest run test/policies/engine/decideProperties.test.ts */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 400);

function everyText(d: Decision): string[] {
  return [
    ...d.obligations.map((o) => o.message),
    ...d.waivers.map((w) => w.reason),
    ...d.services.flatMap((s) => s.fees.map((f) => f.explanation)),
    ...d.retention.offers.map((o) => o.text),
    ...d.escalation.reasons.map((r) => r.reason),
    ...d.actions.flatMap((a) => [a.idempotencyKey, ...Object.values(a.params).map(String)]),
  ];
}

describe("decide with the default packs, for any valid customer, moment and conversation", () => {
  it("never throws, never falls back to the engine's safety answer, and fills every placeholder", () => {
    fc.assert(
      fc.property(
        customerArb,
        conversationArb,
        nowArb,
        coverageArb,
        (customer, conversation, now, coverage) => {
          const d = decide(policy, { customer, coverage, conversation }, now);
          expect(d.trace.filter((t) => t.ruleId === "(engine)" && t.kind === "engine")).toEqual([]);
          for (const text of everyText(d)) expect(text).not.toContain(UNAVAILABLE);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("owes nothing negative, and each service owes its fees minus its waivers", () => {
    fc.assert(
      fc.property(
        customerArb,
        conversationArb,
        nowArb,
        coverageArb,
        (customer, conversation, now, coverage) => {
          const d = decide(policy, { customer, coverage, conversation }, now);
          for (const s of d.services) {
            const fees = s.fees.reduce((sum, f) => sum + f.amount, 0);
            const waived = s.waivers.reduce((sum, w) => sum + w.amountWaived, 0);
            expect(s.totalDue).toBeGreaterThanOrEqual(0);
            expect(Math.abs(s.totalDue - Math.max(0, fees - waived))).toBeLessThan(0.011);
            expect(waived).toBeLessThanOrEqual(fees + 0.001);
          }
          for (const t of d.totals) expect(t.amount).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("makes no offer to the bereaved, to someone who said no, or beyond the maximum", () => {
    fc.assert(
      fc.property(
        customerArb,
        conversationArb,
        nowArb,
        coverageArb,
        (customer, conversation, now, coverage) => {
          const d = decide(policy, { customer, coverage, conversation }, now);
          const r = d.retention;
          if (customer.vulnerabilities.includes("bereavement") || (conversation.offersDeclined ?? 0) > 0) {
            expect(r.allowed).toBe(false);
          }
          expect(r.remaining).toBeLessThanOrEqual(Math.max(0, r.maxOffers - (conversation.offersMade ?? 0)));
          if (!r.allowed) expect(r.offers).toEqual([]);
          if (conversation.requestedPerson) expect(d.escalation.required).toBe(true);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("gives the same decision for the same input", () => {
    fc.assert(
      fc.property(
        customerArb,
        conversationArb,
        nowArb,
        coverageArb,
        (customer, conversation, now, coverage) => {
          const a = decide(policy, { customer, coverage, conversation }, now);
          const b = decide(policy, { customer: structuredClone(customer), coverage, conversation }, now);
          expect(b).toEqual(a);
        },
      ),
      { numRuns: 100 },
    );
  });
});
