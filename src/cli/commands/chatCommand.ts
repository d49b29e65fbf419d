import { randomUUID } from "node:crypto";
import { createInterface } from "node:readline/promises";
import type { Command } from "commander";
import { createApp } from "../../app.js";
import type { BotTurn } from "../../bot/botReply.js";
import { loadConfig } from "../../config.js";
import { silentLogger } from "../../domain/logger.js";
import { CliError } from "../cliError.js";

function show(turn: BotTurn): void {
  for (const m of turn.messages) {
    process.stdout.write(`\nbot> ${m.text.replaceAll("\n", "\n     ")}\n`);
    if (m.suggestions?.length) process.stdout.write(`     [${m.suggestions.join("] [")}]\n`);
  }
}

export function registerChatCommand(program: Command): void {
  program
    .command("chat")
    .description("talk to the cancellation bot in the terminal (demos, and trying a policy edit)")
    .option("--customer <id>", "start as this customer, already identified (as a signed-in website would)")
    .option("--memory", "use a throw-away in-memory copy of the demo data (writes nothing)")
    .action(async (opts: { customer?: string; memory?: boolean }) => {
      const config = loadConfig(opts.memory ? { ...process.env, FAIREXIT_STORE: "memory" } : process.env);
      const app = await createApp(config, { logger: silentLogger });
      try {
        if (!app.policies.current())
          throw new CliError(`no valid policy in ${config.policyDir}; run fairexit policy check`);
        if (opts.customer && !(await app.store.customers.get(opts.customer)))
          throw new CliError(`no customer ${opts.customer} in the store`);
        const id = `cli-${randomUUID()}`;
        const options = { channel: "terminal", trustedCustomerId: opts.customer };
        process.stdout.write(
          `FairExit chat (conversation ${id}). Type your messages; an empty line or Ctrl-D ends.\n`,
        );
        show(await app.engine.start(id, options));
        const rl = createInterface({
          input: process.stdin,
          output: process.stdout,
          terminal: process.stdin.isTTY,
        });
        for await (const line of rl) {
          if (line.trim() === "") break;
          show(await app.engine.receive(id, line, options));
          if (process.stdin.isTTY) process.stdout.write("\nyou> ");
        }
        rl.close();
      } finally {
        await app.close();
      }
    });
}
