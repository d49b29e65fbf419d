/**
 * `fairexit report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format md|csv|json] [--out file]`:
 * the supervisors' report (src/insights/report.ts) over the configured store: why customers
 * left, whether the policy was kept, retention offers, waivers and refunds, hand-overs and the
 * policy revisions, every figure with the conversations behind it. The embedded store is one
 * process's: stop the server first, or use PostgreSQL.
 */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { silentLogger } from "../../domain/logger.js";
import { ReportRangeError, reportRange } from "../../insights/report.js";
import { reportCsv } from "../../insights/reportCsv.js";
import { reportJson } from "../../insights/reportJson.js";
import { reportMarkdown } from "../../insights/reportMarkdown.js";
import { CliError } from "../cliError.js";

const FORMATS = { md: reportMarkdown, csv: reportCsv, json: reportJson } as const;
type Format = keyof typeof FORMATS;
const isFormat = (f: string): f is Format => Object.hasOwn(FORMATS, f);

interface ReportOptions {
  from?: string;
  to?: string;
  format: string;
  out?: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command("report")
    .description(
      "the supervisors' report: cancellations by reason and root-cause department, disclosures before confirmation, tone, offers, waivers, refunds, hand-overs, policy revisions",
    )
    .option("--from <date>", "first day, YYYY-MM-DD (default: 30 days before --to)")
    .option("--to <date>", "last day, YYYY-MM-DD, inclusive (default: today)")
    .option("--format <format>", "md, csv or json", "md")
    .option("--out <file>", "write to this file (readable by its owner only) instead of stdout")
    .action(async (opts: ReportOptions) => {
      const format = opts.format;
      if (!isFormat(format))
        throw new CliError(`--format: expected md, csv or json, got ${JSON.stringify(format)}`, 2);
      const config = loadConfig();
      const range = checkedRange(opts, config.clockStart ?? new Date());
      const app = await createApp(config, { logger: silentLogger });
      let text: string;
      try {
        text = FORMATS[format](await app.insights.report(range));
      } finally {
        await app.close();
      }
      if (!opts.out) return void process.stdout.write(text);
      // Drill-down ids lead to customers' conversations: never world-readable.
      await writeFile(opts.out, text, { mode: 0o600 });
      process.stderr.write(`wrote ${opts.out}\n`);
    });
}

/** The range checked before anything is opened: a bad date or from after to is a usage error. */
function checkedRange(opts: ReportOptions, now: Date): { from?: string; to?: string } {
  try {
    reportRange({ ...opts, now });
  } catch (e) {
    if (e instanceof ReportRangeError)
      throw new CliError(
        e.message.replace(/^(from|to)\b/, "--$1").replace(" is after to ", " is after --to "),
        2,
      );
    throw e;
  }
  return { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) };
}
