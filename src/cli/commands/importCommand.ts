import type { Command } from "commander";
import { createLogger } from "../../adapters/logging/pinoLogger.js";
import { openConfiguredStore } from "../../app.js";
import { loadConfig } from "../../config.js";
import type { CompiledMapping } from "../../import/compileMapping.js";
import { rejectedLines, rejectionMessage, summaryLine } from "../../import/importResult.js";
import { loadMapping } from "../../import/loadMapping.js";
import { MappingError } from "../../import/mappingError.js";
import { formatOfFile } from "../../import/readRecords.js";
import { runImport } from "../../import/runImport.js";
import { CliError } from "../cliError.js";

interface ImportFlags {
  mapping?: string;
  partial?: boolean;
  dryRun?: boolean;
}

async function mappingFrom(file: string): Promise<CompiledMapping> {
  try {
    return await loadMapping(file);
  } catch (e) {
    if (e instanceof MappingError) throw new CliError(e.message, 1, e.located.length > 1 ? e.lines() : []);
    throw e;
  }
}

export function registerImportCommand(program: Command): void {
  program
    .command("import")
    .description(
      "import customers from a CRM export (CSV or JSON) through a mapping file, or from a file in FairExit's format",
    )
    .argument("<file>", "the export (.csv or .json), or a FairExit customer file when there is no --mapping")
    .option(
      "-m, --mapping <file.yaml>",
      "how the export's fields map onto FairExit's (see docs/crm-import.md)",
    )
    .option("--partial", "import the good rows even when some are rejected")
    .option("--dry-run", "validate and report; write nothing")
    .action(async (file: string, flags: ImportFlags) => {
      const mapping = flags.mapping === undefined ? undefined : await mappingFrom(flags.mapping);
      if (!mapping && formatOfFile(file) !== "json")
        throw new CliError(`${file}: without --mapping, import reads a FairExit customer file (.json)`);
      if (!mapping && flags.partial)
        throw new CliError(
          "--partial needs --mapping: a FairExit customer file is imported whole or not at all",
        );

      const config = loadConfig();
      const logger = createLogger({ level: config.logLevel, logPii: config.logPii }, process.stderr);
      const store = await openConfiguredStore(config, logger);
      let result: Awaited<ReturnType<typeof runImport>>;
      try {
        result = await runImport(store.customers, {
          file,
          mapping,
          partial: flags.partial,
          dryRun: flags.dryRun,
          progress: process.stderr,
        });
      } finally {
        await store.close();
      }

      if (result.rejected.length > 0 && !result.partial)
        throw new CliError(rejectionMessage(result), 1, rejectedLines(result.rejected));
      if (result.rowsRead === 0 && mapping) {
        const where = result.format === "json" && mapping.json.records ? ` at ${mapping.json.records}` : "";
        process.stderr.write(`note: ${file} has no records${where}\n`);
      }
      for (const line of rejectedLines(result.rejected)) process.stderr.write(`${line}\n`);
      process.stdout.write(`${summaryLine(result)}\n`);
      if (config.store === "memory" && result.written)
        process.stderr.write("note: FAIREXIT_STORE=memory keeps nothing after this command ends\n");
    });
}
