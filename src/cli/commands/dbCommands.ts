/**
 * `fairexit db migrate` applies the PostgreSQL store's missing migrations (under the migration
 * lock: safe while instances run or start); `fairexit db status` says which version the database
 * is at. Both use DATABASE_URL and show it without its password.
 */
import type { Command } from "commander";
import { createLogger } from "../../adapters/logging/pinoLogger.js";
import { Database } from "../../adapters/postgres/database.js";
import { migrate, schemaVersion } from "../../adapters/postgres/migrations.js";
import { loadConfig } from "../../config.js";
import { CliError } from "../cliError.js";

async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  if (!config.database)
    throw new CliError(
      "DATABASE_URL is not set: fairexit db works on the PostgreSQL store (docs/deploy.md)",
      2,
    );
  const db = await Database.connect(config.database.url, createLogger({ level: "warn", logPii: false }));
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

export function registerDbCommands(program: Command): void {
  const db = program.command("db").description("the PostgreSQL store (DATABASE_URL): migrations");
  db.command("migrate")
    .description(
      "apply the migrations the database is missing, each in one transaction, under an advisory lock",
    )
    .action(async () => {
      await withDatabase(async (database) => {
        const report = await migrate(database);
        const { database: version } = await schemaVersion(database);
        process.stdout.write(
          report.applied.length > 0
            ? `${database.where}: applied ${report.applied.join(", ")}; now at schema version ${version}\n`
            : `${database.where}: up to date at schema version ${version}\n`,
        );
      });
    });
  db.command("status")
    .description(
      "print the schema version of the database and the one this FairExit needs; exits 1 when behind",
    )
    .action(async () => {
      await withDatabase(async (database) => {
        const v = await schemaVersion(database);
        if (v.database < v.shipped)
          throw new CliError(
            `${database.where}: schema version ${v.database}, this FairExit needs ${v.shipped}: run fairexit db migrate`,
          );
        process.stdout.write(
          `${database.where}: schema version ${v.database} (this FairExit needs ${v.shipped})\n`,
        );
      });
    });
}
