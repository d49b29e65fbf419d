/**
 * Properties of the at-risk score over generated histories: adding a signal never lowers it,
 * every point is explained, the points add up to the score, and nothing after "as of" counts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../../src/domain/dates.js";
import { scoreCustomer } from "../../src/insights/atRisk.js";
import { aCustomer, type Event } from "./atRiskCustomers.js";

const asOf = "2026-12-01";
const riskKinds = [
  "outage",
  "missed_appointment",
  "late_appointment",
  "equipment_failure",
  "billing_error",
  "undisclosed_fee",
  "complaint",
] as const;
const silos = ["install", "care", "billing", "network", "sales"] as const;

const anEvent = fc.record({
  kind: fc.constantFrom(...riskKinds),
  silo: fc.constantFrom(...silos),
  daysBefore: fc.integer({ min: 0, max: 700 }),
  resolved: fc.boolean(),
  tag: fc.constantFrom(undefined, "condescending", "billing"),
  citesPromise: fc.boolean(),
});
type Gen = typeof anEvent extends fc.Arbitrary<infer T> ? T : never;

const toEvent = (e: Gen, n: number): Event => ({
  id: `i${n}`,
  at: `${addDays(asOf, -e.daysBefore - 1)}T10:00:00Z`,
  kind: e.kind,
  silo: e.silo,
  resolved: e.resolved,
  tags: e.tag ? [e.tag] : [],
  summary: e.citesPromise ? "Customer says the agent promised a refund." : "Something went wrong.",
});

const customerWith = (events: Gen[]) =>
  aCustomer(
    "prop",
    {
      billing: {
        paymentMethod: { kind: "direct_debit", mandateReference: "DD-1" },
        currency: "GBP",
        balance: 0,
        disputes: [
          { id: "d1", opened: "2026-10-01", amount: 20, currency: "GBP", reason: "overcharged", open: true },
        ],
      },
    },
    events.map(toEvent),
  );

describe("at-risk score properties", () => {
  it("adding a risk signal never lowers the score", () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 15 }), anEvent, (events, added) => {
        const before = scoreCustomer(customerWith(events), { asOf }).score;
        const after = scoreCustomer(customerWith([...events, added]), { asOf }).score;
        expect(after).toBeGreaterThanOrEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it("every point is explained and the points add up to the score", () => {
    fc.assert(
      fc.property(fc.array(anEvent, { maxLength: 20 }), (events) => {
        const r = scoreCustomer(customerWith(events), { asOf });
        expect(r.points.reduce((s, p) => s + p.points, 0)).toBe(r.score);
        for (const p of r.points) {
          expect(p.points).toBeGreaterThan(0);
          expect(p.ids.length).toBeGreaterThan(0);
          expect(p.detail).not.toBe("");
          expect(p.why).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });

  it("what happened on or after the as-of instant changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(anEvent, { maxLength: 10 }),
        fc.array(anEvent, { maxLength: 5 }),
        (known, later) => {
          const past = customerWith(known);
          const laterEvents = later.map((e, n) => ({
            ...toEvent(e, 100 + n),
            at: `${addDays(asOf, e.daysBefore % 60)}T00:00:00Z`,
          }));
          const withFuture = aCustomer("prop", { billing: past.billing }, [
            ...past.interactions,
            ...laterEvents,
          ]);
          expect(scoreCustomer(withFuture, { asOf })).toEqual(scoreCustomer(past, { asOf }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
