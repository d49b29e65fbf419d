/**
 * The `fairexit` command line. Each command lives in `commands/` and registers itself on the
 * program; this file only runs it and turns errors into one line and a non-zero exit.
 */
import { Command, CommanderError } from "commander";
import { ConfigError } from "../domain/configError.js";
import { StoreError } from "../domain/ports.js";
import { ValidationError } from "../domain/validation.js";
import { CliError } from "./cliError.js";
import { registerAgentLinkCommand } from "./commands/agentLinkCommand.js";
import { registerAlumniCommand } from "./commands/alumniCommand.js";
import { registerAtRiskCommand } from "./commands/atRiskCommand.js";
import { registerAuditCommands } from "./commands/auditCommands.js";
import { registerChatCommand } from "./commands/chatCommand.js";
import { registerDataCommands } from "./commands/dataCommands.js";
import { registerDbCommands } from "./commands/dbCommands.js";
import { registerDemoCommands } from "./commands/demoHistoryCommand.js";
import { registerImportCommand } from "./commands/importCommand.js";
import { registerOutboxCommand } from "./commands/outboxCommand.js";
import { registerPolicyCommands } from "./commands/policyCommands.js";
import { registerReportCommand } from "./commands/reportCommand.js";
import { registerSchemaCommand } from "./commands/schemaCommand.js";
import { registerStartCommand } from "./commands/startCommand.js";
import { registerTeamsCommand } from "./commands/teamsCommand.js";

export function buildProgram(): Command {
  const program = new Command("fairexit")
    .description("Fair cancellation chatbot, agent assist and policy engine for contact centers")
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  registerStartCommand(program);
  registerAgentLinkCommand(program);
  registerDataCommands(program);
  registerDbCommands(program);
  registerPolicyCommands(program);
  registerImportCommand(program);
  registerSchemaCommand(program);
  registerAuditCommands(program);
  registerReportCommand(program);
  registerOutboxCommand(program);
  registerChatCommand(program);
  registerTeamsCommand(program);
  registerAtRiskCommand(program);
  registerDemoCommands(program);
  registerAlumniCommand(program);
  return program;
}

/** Runs the CLI with `argv` (user arguments only); returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      process.stderr.write(`fairexit: ${e.message}\n`);
      for (const line of e.details) process.stderr.write(`  ${line}\n`);
      return e.exitCode;
    }
    if (e instanceof ValidationError) {
      process.stderr.write(`fairexit: ${e.message}\n`);
      if (e.problems.length > 1) process.stderr.write(`${e.detail()}\n`);
      return 1;
    }
    if (e instanceof ConfigError || e instanceof StoreError) {
      process.stderr.write(`fairexit: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`fairexit: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith("fairexit.js")) {
  const code = await runCli(process.argv.slice(2));
  if (code !== 0) process.exitCode = code;
}
