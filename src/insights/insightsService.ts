/**
 * The insights an App serves (the /supervisor dashboard, the CLI): the source it reads and
 * the report over a range, built with the app's clock and the policy in force.
 */
import type { Clock } from "../domain/ports.js";
import type { CompiledPolicy } from "../policies/index.js";
import type { InsightsSource } from "./ports.js";
import { buildReport, type Report } from "./report.js";

export interface Insights {
  /** What reports, the at-risk score and the alumni register read. */
  source: InsightsSource;
  /** The report for `from`..`to` (YYYY-MM-DD, inclusive; defaults: the last 30 days to today). */
  report(range?: { from?: string; to?: string }): Promise<Report>;
}

export function createInsights(
  source: InsightsSource,
  o: { clock: Clock; policy: () => CompiledPolicy | undefined },
): Insights {
  return {
    source,
    report(range = {}) {
      const policy = o.policy();
      return buildReport(source, { ...range, now: o.clock.now(), ...(policy ? { policy } : {}) });
    },
  };
}
