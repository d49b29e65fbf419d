import { join } from "node:path";
import type { Command } from "commander";
import { JsonlAuditLog } from "../../adapters/files/jsonlAuditLog.js";
import { openPostgresAuditLog } from "../../adapters/postgres/pgAuditLog.js";
import { loadConfig } from "../../config.js";
import { ConfigError } from "../../domain/configError.js";
import { silentLogger } from "../../domain/logger.js";
import { type AuditLog, StoreError } from "../../domain/ports.js";
import { CliError } from "../cliError.js";
import { auditShowLine } from "./auditShowLine.js";

/**
 * Opens the audit log for reading; works while the server runs. With DATABASE_URL it is the
 * PostgreSQL trail every instance writes (named by host and database, never the password);
 * otherwise the embedded store's file. The key is the server's: FAIREXIT_AUDIT_KEY, else
 * FAIREXIT_SECRET, else the data folder's generated secret.
 */
async function openAudit(): Promise<{ file: string; log: AuditLog; close(): Promise<void> }> {
  const config = loadConfig();
  try {
    if (config.database) {
      const pg = await openPostgresAuditLog(config.database.url, config.auditKey ?? "", silentLogger);
      return { file: pg.where, log: pg.log, close: pg.close };
    }
    const file = join(config.dataDir, "audit.jsonl");
    const log = await JsonlAuditLog.open(file, { key: config.auditKey, readOnly: true });
    return { file, log, close: async () => {} };
  } catch (e) {
    if (e instanceof StoreError || e instanceof ConfigError) throw new CliError(e.message, 1);
    throw e;
  }
}

export function registerAuditCommands(program: Command): void {
  const audit = program.command("audit").description("verify and read the hash-chained audit trail");
  audit
    .command("verify")
    .description(
      "recompute the keyed hash chain; exits 1 and lists each problem when anything was edited or deleted",
    )
    .option(
      "--checkpoint <seq:hash>",
      "also check that entry <seq> still has <hash> (a checkpoint printed by an earlier verify and kept outside the data folder)",
    )
    .action(async (opts: { checkpoint?: string }) => {
      const checkpoint = opts.checkpoint === undefined ? undefined : parseCheckpoint(opts.checkpoint);
      const { file, log, close } = await openAudit();
      let problems: Awaited<ReturnType<AuditLog["verify"]>>;
      let entries: Awaited<ReturnType<AuditLog["read"]>>;
      try {
        problems = await log.verify();
        entries = await log.read();
      } finally {
        await close();
      }
      if (checkpoint) {
        const at = entries.find((e) => e.seq === checkpoint.seq);
        if (!at || at.hash !== checkpoint.hash)
          problems.push({
            seq: checkpoint.seq,
            position: entries.length,
            problem: at
              ? "does not match the checkpoint: rewritten"
              : "is gone, but the checkpoint names it: entries deleted",
          });
      }
      if (problems.length > 0)
        throw new CliError(
          `${file}: the audit trail was tampered with (${problems.length} problem(s))`,
          1,
          problems.map((p) => `entry ${p.seq} (line ${p.position}): ${p.problem}`),
        );
      const last = entries.at(-1);
      process.stdout.write(
        `${file}: ok, ${entries.length} entries, chain intact${last ? `; checkpoint ${last.seq}:${last.hash}` : ""}\n`,
      );
    });
  audit
    .command("show")
    .description("print one conversation's audit record")
    .argument("<conversation>", "conversation id")
    .option("--json", "print JSON lines instead of text")
    .action(async (conversationId: string, opts: { json?: boolean }) => {
      const { log, close } = await openAudit();
      const entries = await log.read({ conversationId }).finally(close);
      if (entries.length === 0) throw new CliError(`no audit entries for conversation ${conversationId}`);
      for (const e of entries) process.stdout.write(opts.json ? `${JSON.stringify(e)}\n` : auditShowLine(e));
    });
}

function parseCheckpoint(text: string): { seq: number; hash: string } {
  const m = /^(\d+):([0-9a-f]{64})$/.exec(text);
  if (!m)
    throw new CliError(
      `--checkpoint: expected <seq>:<64 hex digits>, as verify prints it (got ${JSON.stringify(text)})`,
    );
  return { seq: Number(m[1]), hash: m[2]! };
}
