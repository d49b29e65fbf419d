import { join } from "node:path";
import type { Command } from "commander";
import { openJsonlOutbox } from "../../adapters/files/jsonlOutbox.js";
import { loadConfig } from "../../config.js";
import { givenUp } from "../../execution/outboxGivenUp.js";
import { MAX_ATTEMPTS, type OutboxItem } from "../../execution/outboxItem.js";

const describeItem = (i: OutboxItem) => {
  const what = i.kind === "action" ? String(i.payload.kind) : `${String(i.payload.channel)} message`;
  const when = i.status === "delivered" ? `delivered ${i.deliveredAt}` : `due ${i.dueAt}`;
  const tries =
    i.attempts > 0 && i.status !== "delivered" ? `, ${i.attempts} failed attempt(s): ${i.lastError}` : "";
  return `${i.status.padEnd(9)} ${what.padEnd(24)} ${when}  ${i.conversationId ?? "-"}  key ${i.id}${tries}`;
};

export function registerOutboxCommand(program: Command): void {
  program
    .command("outbox")
    .description("list the actions and messages FairExit has recorded: pending, delivered, failed")
    .option("--status <status>", "only pending, delivered or failed")
    .option("--conversation <id>", "only one conversation's items")
    .option("--json", "print JSON lines")
    .action(async (opts: { status?: OutboxItem["status"]; conversation?: string; json?: boolean }) => {
      const outbox = await openJsonlOutbox(join(loadConfig().dataDir, "outbox.jsonl"));
      const items = await outbox.list({ status: opts.status, conversationId: opts.conversation });
      for (const i of items) process.stdout.write(`${opts.json ? JSON.stringify(i) : describeItem(i)}\n`);
      const count = (s: OutboxItem["status"]) => items.filter((i) => i.status === s).length;
      if (opts.json) return;
      process.stdout.write(
        `${count("pending")} pending, ${count("delivered")} delivered, ${count("failed")} failed\n`,
      );
      // What will never be delivered unless someone acts, whatever the filter.
      const { failed, blocked } = await givenUp(outbox);
      if (failed.length === 0) return;
      process.stdout.write(
        `GAVE UP after ${MAX_ATTEMPTS} attempts: ${failed.length} item(s); ${blocked.length} waiting for them will not be sent\n`,
      );
      for (const i of failed) process.stdout.write(`  gave up  ${describeItem(i)}\n`);
      for (const i of blocked) process.stdout.write(`  blocked  ${describeItem(i)}\n`);
    });
}
