/**
 * `fairexit alumni suppression --format csv|json [--out file]`: the do-not-contact list (every
 * former customer who may not be contacted now, with the reason and until when), for marketing
 * tools that only take files. `fairexit alumni status <customerId>`: the same answer as
 * GET /api/alumni/<customerId>/contact. Both open the configured store (the embedded store is
 * one process's: stop the server first, or use PostgreSQL).
 */
import { chmod, writeFile } from "node:fs/promises";
import type { Command } from "commander";
import { type App, createApp } from "../../app.js";
import { loadConfig } from "../../config.js";
import { isoString } from "../../domain/dates.js";
import { silentLogger } from "../../domain/logger.js";
import { suppressionCsv, suppressionJson } from "../../insights/alumniSuppression.js";
import { CliError } from "../cliError.js";

async function withApp<T>(work: (app: App) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const app = await createApp(config, { logger: silentLogger });
  try {
    if (!app.policies.current())
      throw new CliError(`no valid policy in ${config.policyDir}; run fairexit policy check`);
    return await work(app);
  } finally {
    await app.close();
  }
}

export function registerAlumniCommand(program: Command): void {
  const alumni = program
    .command("alumni")
    .description("former customers: whether they may be contacted, and the do-not-contact list");
  alumni
    .command("suppression")
    .description(
      "the do-not-contact list: former customers who may not be contacted now (id, email, reason, until)",
    )
    .option("--format <format>", "csv or json", "csv")
    .option("--out <file>", "write to this file (created readable by its owner only) instead of stdout")
    .action(async (opts: { format: string; out?: string }) => {
      if (opts.format !== "csv" && opts.format !== "json")
        throw new CliError(`--format: expected csv or json, got ${JSON.stringify(opts.format)}`, 2);
      const text = await withApp(async (app) => {
        const rows = await app.alumni.suppression();
        return opts.format === "csv"
          ? suppressionCsv(rows)
          : suppressionJson(rows, isoString(app.clock.now()));
      });
      if (!opts.out) return void process.stdout.write(text);
      // The list holds email addresses: never world-readable.
      await writeFile(opts.out, text, { mode: 0o600 });
      await chmod(opts.out, 0o600); // also when the file was already there
      process.stderr.write(`wrote ${opts.out}\n`);
    });
  alumni
    .command("status <customerId>")
    .description(
      "may this former customer be contacted now, and why (the answer of GET /api/alumni/<id>/contact)",
    )
    .action(async (customerId: string) => {
      const standing = await withApp((app) => app.alumni.standing(customerId));
      if (!standing) throw new CliError(`no customer ${customerId} in the store`);
      process.stdout.write(`${JSON.stringify(standing, null, 2)}\n`);
    });
}
