/**
 * `fairexit at-risk`: current customers whose history shows the signals that preceded past
 * cancellations, with each point of their score explained; `--backtest` checks the score
 * against the customers who did leave. Reads the configured store, or a customer file.
 */
import type { Command } from "commander";
import { z } from "zod";
import { readCustomerFile } from "../../adapters/files/readCustomerFile.js";
import { openConfiguredStore } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { Customer } from "../../domain/customer.js";
import { IsoDate } from "../../domain/customer.js";
import { silentLogger } from "../../domain/logger.js";
import { problemsOf } from "../../domain/validation.js";
import { atRiskCustomers } from "../../insights/atRisk.js";
import { backtest } from "../../insights/atRiskBacktest.js";
import { AT_RISK_THRESHOLD } from "../../insights/atRiskWeights.js";
import { CliError } from "../cliError.js";
import { formatAtRisk, formatBacktest } from "./atRiskFormat.js";

const Options = z.strictObject({
  asOf: IsoDate.optional(),
  minScore: z
    .string()
    .regex(/^\d{1,3}$/, "expected a whole number of points such as 10")
    .transform(Number)
    .optional(),
  format: z.enum(["md", "csv", "json"], { error: "expected md, csv or json" }).default("md"),
  backtest: z.boolean().optional(),
  leadDays: z
    .string()
    .regex(/^\d{1,4}(,\d{1,4})*$/, "expected days as a comma-separated list such as 30,60,90")
    .transform((s) => s.split(",").map(Number))
    .refine((days) => days.every((d) => d > 0), "every lead must be at least 1 day")
    .optional(),
  file: z.string().min(1).optional(),
});
type Options = z.output<typeof Options>;

const flag: Record<string, string> = {
  asOf: "--as-of",
  minScore: "--min-score",
  format: "--format",
  leadDays: "--lead-days",
  file: "--file",
};

export function parseAtRiskOptions(raw: Record<string, unknown>): Options {
  const parsed = Options.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = problemsOf(parsed.error).map((p) => {
    const key = p.path.split(".")[0] ?? "";
    return `${flag[key] ?? key}: ${p.message} (got ${JSON.stringify(raw[key])})`;
  });
  throw new CliError(`invalid option: ${lines[0]}`, 2, lines.slice(1));
}

async function customersFrom(file: string | undefined): Promise<Customer[]> {
  if (file) return (await readCustomerFile(file)).customers;
  const config = loadConfig();
  const store = await openConfiguredStore(config, silentLogger);
  try {
    return await store.customers.list();
  } finally {
    await store.close();
  }
}

export function registerAtRiskCommand(program: Command): void {
  program
    .command("at-risk")
    .description(
      "current customers showing the signals that preceded past cancellations, each point explained",
    )
    .option(
      "--as-of <date>",
      "score as of this date (YYYY-MM-DD), from what was known before it (default: now)",
    )
    .option("--min-score <n>", `list customers scoring at least n (default ${AT_RISK_THRESHOLD}, "at risk")`)
    .option("--format <format>", "md, csv or json", "md")
    .option("--backtest", "check the score against the customers who left: recall, precision, lead time")
    .option("--lead-days <days>", "with --backtest: days before leaving to score at (default 30,60,90)")
    .option("--file <customers.json>", "read a customer file instead of the configured store")
    .action(async (raw: Record<string, unknown>) => {
      const opts = parseAtRiskOptions(raw);
      const customers = await customersFrom(opts.file);
      if (opts.backtest) {
        const result = backtest(customers, {
          leadDays: opts.leadDays ?? [30, 60, 90],
          ...(opts.minScore !== undefined ? { threshold: opts.minScore } : {}),
          ...(opts.asOf ? { end: opts.asOf } : {}),
        });
        process.stdout.write(formatBacktest(result, opts.format));
        return;
      }
      if (opts.leadDays) throw new CliError("invalid option: --lead-days only goes with --backtest", 2);
      const asOf = opts.asOf ?? (loadConfig().clockStart ?? new Date()).toISOString();
      const minScore = opts.minScore ?? AT_RISK_THRESHOLD;
      const list = atRiskCustomers(customers, { now: asOf, minScore });
      process.stdout.write(formatAtRisk(list, opts.format, asOf, minScore));
    });
}
