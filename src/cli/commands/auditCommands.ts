import { join } from "node:path";
import type { Command } from "commander";
import { JsonlAuditLog } from "../../adapters/files/jsonlAuditLog.js";
import { loadConfig } from "../../config.js";
import { CliError } from "../cliError.js";

/** Opens the embedded store's audit log for reading; works while the server runs. */
async function openAudit() {
  const config = loadConfig();
  const file = join(config.dataDir, "audit.jsonl");
  return { file, log: await JsonlAuditLog.open(file) };
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("verify and read the hash-chained audit trail");
  audit
    .command("verify")
    .description(
      "recompute the hash chain; exits 1 and lists each problem when anything was edited or deleted",
    )
    .action(async () => {
      const { file, log } = await openAudit();
      const problems = await log.verify();
      if (problems.length > 0)
        throw new CliError(
          `${file}: the audit trail was tampered with (${problems.length} problem(s))`,
          1,
          problems.map((p) => `entry ${p.seq} (line ${p.position}): ${p.problem}`),
        );
      const count = (await log.read()).length;
      process.stdout.write(`${file}: ok, ${count} entries, chain intact\n`);
    });
  audit
    .command("show")
    .description("print one conversation's audit record")
    .argument("<conversation>", "conversation id")
    .option("--json", "print JSON lines instead of text")
    .action(async (conversationId: string, opts: { json?: boolean }) => {
      const { log } = await openAudit();
      const entries = await log.read({ conversationId });
      if (entries.length === 0) throw new CliError(`no audit entries for conversation ${conversationId}`);
      for (const e of entries)
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(e)}\n`
            : `#${e.seq}  ${e.at}  ${e.kind.padEnd(12)} ${JSON.stringify(e.data)}\n`,
        );
    });
}
