import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { readCustomerFile } from "../../adapters/files/readCustomerFile.js";
import { loadConfig } from "../../config.js";
import { Conversation } from "../../domain/conversation.js";
import { problemsOf } from "../../domain/validation.js";
import { CliError } from "../cliError.js";

/** Validates every conversation file under `<dataDir>/conversations`; returns the problems. */
async function checkConversations(dir: string): Promise<{ count: number; problems: string[] }> {
  const problems: string[] = [];
  let count = 0;
  let shards: string[] = [];
  try {
    shards = await readdir(dir);
  } catch {
    return { count, problems };
  }
  for (const shard of shards) {
    if (!/^[0-9a-f]{2}$/.test(shard)) continue;
    for (const f of await readdir(join(dir, shard))) {
      if (!f.endsWith(".json")) continue;
      count++;
      const file = join(dir, shard, f);
      try {
        const result = Conversation.safeParse(JSON.parse(await readFile(file, "utf8")));
        if (!result.success)
          for (const p of problemsOf(result.error)) problems.push(`${file}: ${p.path}: ${p.message}`);
      } catch (e) {
        problems.push(`${file}: (root): not valid JSON: ${(e as Error).message}`);
      }
    }
  }
  return { count, problems };
}

export function registerDataCommands(program: Command): void {
  const data = program.command("data").description("inspect and validate stored data");
  data
    .command("check")
    .description("validate a customer file, or the embedded store's data folder when no file is given")
    .argument("[file]", "a customer file in FairExit's format (JSON)")
    .action(async (file: string | undefined) => {
      if (file !== undefined) {
        const parsed = await readCustomerFile(file);
        process.stdout.write(
          `${file}: ok, ${parsed.customers.length} customers, ${parsed.coverage.length} coverage areas\n`,
        );
        return;
      }
      const config = loadConfig();
      const customersFile = join(config.dataDir, "customers.json");
      const parsed = await readCustomerFile(customersFile);
      const conv = await checkConversations(join(config.dataDir, "conversations"));
      if (conv.problems.length > 0)
        throw new CliError(`${conv.problems.length} problem(s) in conversation files`, 1, conv.problems);
      process.stdout.write(
        `${config.dataDir}: ok, ${parsed.customers.length} customers, ${conv.count} conversations\n`,
      );
    });
}
