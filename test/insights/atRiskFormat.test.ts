/** How `fairexit at-risk` writes its list and backtest (in-process; the command itself: test/cli/atRiskCli.test.ts). */
import { describe, expect, it } from "vitest";
import { formatAtRisk, formatBacktest } from "../../src/cli/commands/atRiskFormat.js";
import { atRiskCustomers } from "../../src/insights/atRisk.js";
import { backtest } from "../../src/insights/atRiskBacktest.js";
import { aCustomer, event } from "./atRiskCustomers.js";

const unhappy = aCustomer("unhappy", {}, [
  event("bill", "2026-11-01", "billing_error", "billing", false),
  event("compl", "2026-11-02", "complaint", "care", false, { tags: ["condescending"] }),
]);
const asOf = "2026-12-01";

describe("at-risk output", () => {
  const list = atRiskCustomers([unhappy], { now: asOf, minScore: 6 });

  it("Markdown: a heading per customer and a row per point, with the band counts", () => {
    const md = formatAtRisk(list, "md", asOf, 6);
    expect(md).toContain("1 customer(s) scoring 6 or more: 0 urgent, 1 at risk, 0 watch");
    expect(md).toContain("## unhappy (account UK-unhappy): 11 points, at risk");
    expect(md).toContain(
      "| 5 | billing_error_unresolved | 2026-11-01 (recent) | bill | billing error, unresolved (billing, 2026-11-01) |",
    );
  });

  it("CSV quotes details with commas; JSON carries the whole list", () => {
    const csv = formatAtRisk(list, "csv", asOf, 6).trim().split("\n");
    expect(csv).toHaveLength(4);
    expect(csv[3]).toBe(
      'unhappy,UK-unhappy,11,at_risk,poor_treatment,2,recent,2026-11-02,compl,"contact flagged ""condescending"" (care, 2026-11-02)"',
    );
    expect(JSON.parse(formatAtRisk(list, "json", asOf, 6)).customers[0].score).toBe(11);
  });

  it("the backtest table shows recall and precision as percentages", () => {
    // 30 days before the end (1 November, midnight) nothing was known yet: no false alarm, no precision.
    const md = formatBacktest(backtest([unhappy], { end: asOf }), "md");
    expect(md).toContain("| 30 | 0 of 0 | n/a | 0 of 1 | n/a |");
    const later = formatBacktest(backtest([unhappy], { end: "2026-12-03" }), "md");
    expect(later).toContain("| 30 | 0 of 0 | n/a | 1 of 1 | 0% |");
    expect(md).toContain(
      "0 of 0 leavers were flagged at some point in the year before leaving; median lead time n/a.",
    );
  });
});
