/**
 * The supervisors' report: for a range of calendar days, why customers left (stated reason and
 * root-cause department), whether the policy was kept (disclosures before confirmation, tone,
 * contradictions), retention offers against what the policy allows, waivers and refunds, hand-
 * overs, and the figures per policy revision. Computed from the audit trail, the conversations
 * and the customers read through an `InsightsSource`; pure: the clock comes in as `now`.
 *
 * @example
 * const report = await buildReport(insightsSourceOf(store), { from: "2026-03-01", to: "2026-03-31", now: new Date() });
 * report.cancellations.confirmed.count; // 12
 * report.policyKept.disclosures.share; // 1
 */

import type { InsightsSource } from "./ports.js";
import { cancellationsSection } from "./reportCancellations.js";
import { handoversSection } from "./reportHandovers.js";
import { type ReportOptions, readReportInput } from "./reportInput.js";
import { moneySection } from "./reportMoney.js";
import { policyKeptSection } from "./reportPolicyKept.js";
import { retentionSection } from "./reportRetention.js";
import { revisionsSection } from "./reportRevisions.js";
import type { Report } from "./reportTypes.js";

export type * from "./reportTypes.js";
export { DEPARTMENTS } from "./reportTypes.js";

/** The days a report covers (`from`, `to`, inclusive, YYYY-MM-DD UTC), `now`, and the policy. */
export type ReportRange = ReportOptions;
export { ReportRangeError, reportRange } from "./reportInput.js";

/**
 * Builds the report for `range` from `source`. A conversation belongs to the range by the day
 * of its audit entries (a cancellation by the day it was confirmed); the root cause reads the
 * leaving customer's record in the year before the confirmation, whatever the range
 * (`rootCause.ts`).
 */
export async function buildReport(source: InsightsSource, range: ReportRange): Promise<Report> {
  const input = await readReportInput(source, range);
  const cancellations = cancellationsSection(input);
  return {
    schemaVersion: 1,
    generatedAt: range.now.toISOString(),
    range: { from: input.from, to: input.to },
    read: {
      auditEntries: input.allEntries,
      conversations: input.conversationCount,
      customers: input.customers.size,
    },
    cancellations,
    policyKept: policyKeptSection(input),
    retention: retentionSection(input),
    money: moneySection(input),
    handovers: handoversSection(input),
    policyRevisions: revisionsSection(input),
  };
}
