/**
 * The at-risk score on small hand-made customers: every number below is worked out by hand
 * from the weights table (src/insights/atRiskWeights.ts), as of 2026-12-01.
 */
import { describe, expect, it } from "vitest";
import { atRiskCustomers, type CustomerRisk, scoreCustomer } from "../../src/insights/atRisk.js";
import { aCustomer, event } from "./atRiskCustomers.js";

const asOf = "2026-12-01";
const summary = (r: CustomerRisk) => r.points.map((p) => [p.signal, p.points, p.weight, p.ids.join(" ")]);

/** Outages, an unresolved billing error, an old unanswered complaint, an old answered one. */
const failing = aCustomer("failing", {}, [
  event("out-jun", "2026-06-01", "outage", "network"),
  event("out-nov", "2026-11-01", "outage", "network"),
  event("bill-oct", "2026-10-15", "billing_error", "billing", false),
  event("compl-old", "2025-06-01", "complaint", "care", false),
  event("compl-answered", "2025-11-20", "complaint", "care", true),
]);

describe("the at-risk score, by hand", () => {
  it("weighs recent, older and still-unresolved events and explains each point", () => {
    const r = scoreCustomer(failing, { asOf });
    // 5 (billing error, 47 days, unresolved) + 3 (repeated outages, last 30 days ago)
    // + 3 (complaint 549 days old but unanswered: older points) + 2 (outage, 30 days) + 1 (outage, 183 days).
    // The answered complaint is 376 days old: nothing. Failures in 2 departments only: no bonus.
    expect(summary(r)).toEqual([
      ["billing_error_unresolved", 5, "recent", "bill-oct"],
      ["repeated_outages", 3, "recent", "out-jun out-nov"],
      ["complaint_unresolved", 3, "unresolved", "compl-old"],
      ["outage", 2, "recent", "out-nov"],
      ["outage", 1, "older", "out-jun"],
    ]);
    expect(r.score).toBe(14);
    expect(r.band).toBe("at_risk");
    expect(r.notCounted).toBe(1);
    expect(r.points[0]?.detail).toBe("billing error, unresolved (billing, 2026-10-15)");
    expect(r.points[0]?.why).toBe("a billing error we have not put right: the customer pays for our mistake");
  });

  it("as of an earlier date, uses only what was known then", () => {
    const r = scoreCustomer(failing, { asOf: "2026-10-16" });
    // The November outage is unknown: no repeated outages. 5 + 3 (network, billing and care failed
    // within a year: the answered complaint is 330 days old) + 3 (unanswered complaint) + 1 (June outage).
    expect(summary(r)).toEqual([
      ["billing_error_unresolved", 5, "recent", "bill-oct"],
      ["failures_across_departments", 3, "recent", "out-jun bill-oct compl-answered"],
      ["complaint_unresolved", 3, "unresolved", "compl-old"],
      ["outage", 1, "older", "out-jun"],
    ]);
    expect(r.score).toBe(12);
    expect(r.band).toBe("at_risk");
    // An interaction later the same day as the "as of" instant is not known yet either.
    expect(scoreCustomer(failing, { asOf: "2026-10-15T11:59:59Z" }).score).toBe(4);
  });

  it("a new customer failed by three departments: promotion not applied, undisclosed fee, late engineer", () => {
    const c = aCustomer(
      "newbie",
      {
        customerSince: "2026-09-01",
        services: [
          {
            id: "newbie-bb",
            kind: "broadband",
            plan: "Full Fibre 150",
            monthlyFee: 28,
            currency: "GBP",
            promo: { code: "WELCOME5", monthlyDiscount: 5, months: 6, applied: false, credited: 0 },
            contract: { start: "2026-09-01", minimumTermMonths: 24, noticeDays: 30, salesChannel: "web" },
          },
        ],
      },
      [
        event("late", "2026-09-03", "late_appointment", "install"),
        event("bill", "2026-10-01", "billing_error", "billing", true),
        event("fee", "2026-11-20", "undisclosed_fee", "care", false),
      ],
    );
    const r = scoreCustomer(c, { asOf });
    expect(summary(r)).toEqual([
      ["undisclosed_fee", 5, "recent", "fee"],
      ["promo_not_applied", 5, "older", "newbie-bb"],
      ["failures_across_departments", 3, "recent", "late bill fee"],
      ["billing_error_resolved", 2, "recent", "bill"],
      ["late_appointment", 2, "recent", "late"],
    ]);
    expect(r.score).toBe(17);
    expect(r.band).toBe("urgent");
    // 91 days since 1 September: the fourth bill is not out yet, three months of £5 missed.
    expect(r.points[1]?.detail).toBe(
      "promotion WELCOME5 (5 GBP a month from 2026-09-01) sold but not applied: about 15 GBP missed, 0 credited",
    );
  });

  it("a long-standing customer paying far more than new customers, with an unstated price rise", () => {
    const loyal = aCustomer("loyal", {
      customerSince: "2015-03-01",
      services: [
        {
          id: "loyal-bb",
          kind: "broadband",
          plan: "Full Fibre 150",
          monthlyFee: 40,
          currency: "GBP",
          priceChanges: [{ from: 37.5, to: 40, at: "2026-04-01", statedInContract: false }],
          contract: { start: "2015-03-01", minimumTermMonths: 0, noticeDays: 30, salesChannel: "phone" },
        },
      ],
    });
    const newcomer = aCustomer("newcomer", { customerSince: "2026-03-01" });
    const r = scoreCustomer(loyal, { asOf, population: [loyal, newcomer] });
    // 4 (pays 40 against 28 for a new customer, no retention offer) + 2 (rise 244 days ago, not in the contract).
    expect(summary(r)).toEqual([
      ["loyalty_penalty", 4, "recent", "loyal-bb newcomer-bb"],
      ["price_rise_not_in_contract", 2, "older", "loyal-bb"],
    ]);
    expect(r.points[0]?.detail).toBe(
      "customer for 11 years pays 40 GBP a month for broadband; a new customer pays 28 on the same plan; no retention offer in 2 years",
    );
    // Without anyone to compare with, no loyalty penalty.
    expect(scoreCustomer(loyal, { asOf }).score).toBe(2);
    // A retention offer last year is recognition: no penalty either.
    const recognised = aCustomer("loyal", { customerSince: loyal.customerSince, services: loyal.services }, [
      event("offer", "2025-12-01", "retention_offer", "retention"),
    ]);
    expect(scoreCustomer(recognised, { asOf, population: [recognised, newcomer] }).score).toBe(2);
  });

  it("a recorded call-back never made, and a promise the customer cites that is not on record", () => {
    const forgotten = aCustomer(
      "forgotten",
      {
        promises: [
          {
            id: "prom-callback",
            date: "2026-10-01",
            by: "agent-7",
            silo: "care",
            channel: "call",
            words: "We will call you back by Friday.",
            structured: { kind: "callback", condition: "always" },
          },
        ],
      },
      [event("later-enquiry", "2026-10-25", "enquiry", "care")],
    );
    expect(summary(scoreCustomer(forgotten, { asOf }))).toEqual([
      ["promise_broken", 4, "recent", "prom-callback"],
    ]);
    const cited = aCustomer("cited", {}, [
      event("compl", "2026-11-10", "complaint", "care", false, {
        summary: "Customer says the salesman told him he could cancel for free.",
      }),
    ]);
    const r = scoreCustomer(cited, { asOf });
    expect(summary(r)).toEqual([
      ["complaint_unresolved", 4, "recent", "compl"],
      ["promise_unrecorded", 4, "recent", "compl"],
    ]);
    expect(r.score).toBe(8);
  });

  it("a promise logged only as a contact and still open, and a price rise known only from a contact", () => {
    const c = aCustomer("contacts", {}, [
      event("prom-open", "2026-11-01", "promise", "sales", false),
      event("prom-fresh", "2026-11-25", "promise", "sales", false),
      event("price", "2026-10-01", "price_change", "billing"),
    ]);
    // The promise of 1 November is 30 days open: 4. The one of 25 November is within its 14 days: nothing yet.
    expect(summary(scoreCustomer(c, { asOf }))).toEqual([
      ["promise_broken", 4, "recent", "prom-open"],
      ["price_rise_contact", 1, "recent", "price"],
    ]);
  });

  it("lists current customers at or above the threshold, highest first, leaving out those who already asked to go", () => {
    const quiet = aCustomer("quiet", {}, [event("enq", "2026-11-01", "enquiry", "care")]);
    const asked = aCustomer("asked", {}, [
      event("bill", "2026-11-01", "billing_error", "billing", false),
      event("compl", "2026-11-02", "complaint", "care", false),
      event("fee", "2026-11-03", "undisclosed_fee", "care", false),
      event("cancel", "2026-11-20", "cancellation_request", "care"),
    ]);
    const gone = aCustomer("gone", {
      ...failing,
      id: "gone",
      services: failing.services.map((s) => ({ ...s, status: "ended" })),
    });
    const all = [quiet, asked, gone, failing];
    expect(atRiskCustomers(all, { now: asOf }).map((r) => [r.customerId, r.score])).toEqual([
      ["failing", 14],
    ]);
    // Before the request, that customer is on the list (5 + 4 + 5, two departments); and as of
    // 15 November the answered complaint is 360 days old: three departments, 14 + 3.
    expect(atRiskCustomers(all, { now: "2026-11-15" }).map((r) => [r.customerId, r.score, r.band])).toEqual([
      ["failing", 17, "urgent"],
      ["asked", 14, "at_risk"],
    ]);
    expect(atRiskCustomers(all, { now: asOf, minScore: 15 })).toEqual([]);
  });
});
