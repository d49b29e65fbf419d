import { join } from "node:path";
import type { Command } from "commander";
import { openJsonlOutbox } from "../../adapters/files/jsonlOutbox.js";
import { loadConfig } from "../../config.js";
import type { OutboxItem } from "../../execution/outboxItem.js";

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
      if (!opts.json)
        process.stdout.write(
          `${count("pending")} pending, ${count("delivered")} delivered, ${count("failed")} failed\n`,
        );
    });
}
