/**
 * The backtest on four hand-made customers, every figure worked out by hand: one who left
 * after a chain of failures, one who left with no warning, one who stayed despite problems
 * (a false alarm 30 days before the end) and one who stayed quietly. Data end: 2026-12-01.
 */
import { describe, expect, it } from "vitest";
import { backtest, departureOf, median } from "../../src/insights/atRiskBacktest.js";
import { aCustomer, event } from "./atRiskCustomers.js";

const chainLeaver = aCustomer("chain", {}, [
  event("out-1", "2026-06-10", "outage", "network"),
  event("out-2", "2026-07-15", "outage", "network"),
  event("bill", "2026-08-20", "billing_error", "billing", false),
  event("compl", "2026-08-25", "complaint", "care", false),
  event("cancel", "2026-10-01", "cancellation_request", "care"),
]);
const quietLeaver = aCustomer(
  "mover",
  { services: [{ ...chainLeaver.services[0]!, id: "mover-bb", status: "ended" }] },
  [event("enq", "2026-11-01", "enquiry", "care")],
);
const unhappyStayer = aCustomer("unhappy", {}, [
  event("bill-s", "2026-10-20", "billing_error", "billing", false),
  event("compl-s", "2026-10-25", "complaint", "care", false),
  event("fee-s", "2026-10-28", "undisclosed_fee", "care", false),
]);
const quietStayer = aCustomer("quiet", {}, [event("enq-q", "2026-10-01", "enquiry", "care")]);

describe("backtesting the at-risk score", () => {
  it("reads when a customer left: the request, else the last contact once every service ended", () => {
    expect(departureOf(chainLeaver)).toEqual({
      at: "2026-10-01T12:00:00Z",
      how: "cancellation_request",
      interactionId: "cancel",
    });
    expect(departureOf(quietLeaver)).toEqual({
      at: "2026-11-01T12:00:00Z",
      how: "services_ended",
      interactionId: "enq",
    });
    expect(departureOf(unhappyStayer)).toBeUndefined();
  });

  it("counts flagged leavers and false alarms at 30, 60 and 90 days, and the lead time", () => {
    const b = backtest([chainLeaver, quietLeaver, unhappyStayer, quietStayer], { end: "2026-12-01" });
    // chain, 30 days before (1 Sep): 5 + 4 + 3 (repeated outages) + 3 (three departments) + 2 + 2 = 19.
    // 60 days before (2 Aug): two outages only, 2 + 2 + 3 = 7. 90 days before (3 Jul): one outage, 2.
    // unhappy, 30 days before the end (1 Nov): 5 + 4 + 5 = 14, a false alarm; 60 and 90: nothing known yet.
    expect(b.rows.map((r) => [r.customerId, r.scores[30], r.scores[60], r.scores[90], r.leadDays])).toEqual([
      ["chain", 19, 7, 2, 41],
      ["mover", 0, 0, 0, undefined],
    ]);
    expect(b.byLead).toEqual([
      {
        leadDays: 30,
        leavers: 2,
        flaggedLeavers: 1,
        stayers: 2,
        flaggedStayers: 1,
        recall: 0.5,
        precision: 0.5,
      },
      {
        leadDays: 60,
        leavers: 2,
        flaggedLeavers: 0,
        stayers: 2,
        flaggedStayers: 0,
        recall: 0,
        precision: null,
      },
      {
        leadDays: 90,
        leavers: 2,
        flaggedLeavers: 0,
        stayers: 2,
        flaggedStayers: 0,
        recall: 0,
        precision: null,
      },
    ]);
    // First flagged just after the billing error of 20 August (12 points): 41 days and 23:59 before leaving.
    expect(b.flaggedBeforeLeaving).toBe(1);
    expect(b.medianLeadDays).toBe(41);
    expect(b.threshold).toBe(10);
  });

  it("a customer who joined after the point in time is not counted there", () => {
    const late = aCustomer("late", { customerSince: "2026-09-20" }, [
      event("cancel-late", "2026-11-10", "cancellation_request", "care"),
    ]);
    const b = backtest([late], { end: "2026-12-01" });
    expect(b.byLead.map((l) => l.leavers)).toEqual([1, 0, 0]);
    expect(b.rows[0]?.scores).toEqual({ 30: 0, 60: undefined, 90: undefined });
  });

  it("median of an even count is the mean of the middle two", () => {
    expect(median([90, 10, 30, 40])).toBe(35);
    expect(median([])).toBeNull();
  });
});
