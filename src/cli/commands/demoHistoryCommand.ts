/**
 * `fairexit demo history`: adds a seeded synthetic history to the configured store and plays
 * the leavers' cancellations through the real bot at the dates they left; `--out` writes the
 * customers to a customer file instead (the at-risk development set is made this way).
 */
import { writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { z } from "zod";
import { createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { ManualClock } from "../../domain/clock.js";
import { IsoDate } from "../../domain/customer.js";
import { CURRENT_SCHEMA_VERSION } from "../../domain/customerFile.js";
import { silentLogger } from "../../domain/logger.js";
import { problemsOf } from "../../domain/validation.js";
import { syntheticHistory } from "../../insights/syntheticHistory.js";
import { CliError } from "../cliError.js";
import { playDemoHistory } from "../demoHistory/playDemoHistory.js";

const Options = z.strictObject({
  customers: z
    .string()
    .regex(/^\d{1,5}$/, "expected a whole number such as 60")
    .transform(Number)
    .refine((n) => n >= 1 && n <= 5000, "expected between 1 and 5000 customers"),
  seed: z
    .string()
    .regex(/^\d{1,9}$/, "expected a whole number such as 42")
    .transform(Number),
  end: IsoDate.optional(),
  out: z.string().min(1).optional(),
});

const flag: Record<string, string> = { customers: "--customers", seed: "--seed", end: "--end", out: "--out" };

function parse(raw: Record<string, unknown>) {
  const parsed = Options.safeParse(raw);
  if (parsed.success) return parsed.data;
  const p = problemsOf(parsed.error)[0];
  const key = p?.path.split(".")[0] ?? "";
  throw new CliError(
    `invalid option: ${flag[key] ?? key}: ${p?.message} (got ${JSON.stringify(raw[key])})`,
    2,
  );
}

export function registerDemoCommands(program: Command): void {
  const demo = program.command("demo").description("demo data");
  demo
    .command("history")
    .description(
      "add synthetic customers over two years and play the leavers' cancellations through the bot, at the dates they left",
    )
    .option("--customers <n>", "how many customers, former and current", "60")
    .option("--seed <s>", "the same seed makes the same history", "42")
    .option("--end <date>", "the last day of the history, YYYY-MM-DD (default: today)")
    .option(
      "--out <file.json>",
      "write the customers (as they are after leaving) to a customer file; no store, no bot",
    )
    .action(async (raw: Record<string, unknown>) => {
      const opts = parse(raw);
      const config = loadConfig();
      const end = opts.end ?? (config.clockStart ?? new Date()).toISOString().slice(0, 10);
      const history = syntheticHistory({ customers: opts.customers, seed: opts.seed, end });
      if (opts.out) {
        const file = {
          schemaVersion: CURRENT_SCHEMA_VERSION,
          customers: history.map((s) => s.customer),
          coverage: [],
        };
        await writeFile(opts.out, `${JSON.stringify(file, null, 2)}\n`);
        process.stdout.write(
          `${opts.out}: ${history.length} customers, ${history.filter((s) => s.leftAt).length} who left\n`,
        );
        return;
      }
      const clock = new ManualClock(`${end}T09:00:00Z`);
      const app = await createApp(config, { logger: silentLogger, clock });
      try {
        if (!app.policies.current())
          throw new CliError(`no valid policy in ${config.policyDir}; run fairexit policy check`);
        const s = await playDemoHistory(app, clock, history, opts.seed);
        const o = s.outcomes;
        process.stdout.write(
          `${s.customersAdded} customers added${s.alreadyThere ? ` (${s.alreadyThere} already there from an earlier run)` : ""}; ${s.conversations} conversations played: ${o.cancelled} cancelled, ${o.handed_over} handed over, ${o.stayed} stayed, ${o.unexpected} stopped (the bot asked what the script does not answer)\n`,
        );
        for (const [where, n] of Object.entries(s.unexpected))
          process.stdout.write(`  stopped at ${where}: ${n}\n`);
      } finally {
        await app.close();
      }
    });
}
