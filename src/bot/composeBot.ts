/**
 * Builds the conversation engine's adapters for a store kind: the embedded ones keep their
 * files in the data folder, the memory ones in memory; webhooks replace operations and the
 * notifier when configured. Called by the composition root only.
 */
import { join } from "node:path";
import { EmbeddedNotifier } from "../adapters/files/embeddedNotifier.js";
import { JsonlHandover } from "../adapters/files/jsonlHandover.js";
import { JsonlOperationsJournal } from "../adapters/files/jsonlOperationsJournal.js";
import { openJsonlOutbox } from "../adapters/files/jsonlOutbox.js";
import { WebhookNotifier, WebhookOperations } from "../adapters/webhook/webhookOperations.js";
import type { Logger } from "../domain/logger.js";
import type { Clock } from "../domain/ports.js";
import { EmbeddedOperations, MemoryOperationsJournal } from "../execution/embeddedOperations.js";
import { MemoryNotifier } from "../execution/memoryNotifier.js";
import { MemoryOutboxStore } from "../execution/outboxLog.js";
import type { Notifier, Operations, OutboxStore } from "../execution/ports.js";
import { MemoryHandover } from "./memoryHandover.js";
import type { HandoverPort, HandoverRecord } from "./ports.js";

export interface BotAdapters {
  outbox: OutboxStore;
  operations: Operations;
  notifier: Notifier;
  handover: HandoverPort & { onHandover(listener: (r: HandoverRecord) => void): void };
}

export interface BotAdapterOptions {
  kind: string;
  dataDir: string;
  secret: string;
  operationsUrl?: string;
  notifyUrl?: string;
  webhookSecret?: string;
  clock: Clock;
  logger: Logger;
}

export async function composeBotAdapters(o: BotAdapterOptions): Promise<BotAdapters> {
  const now = () => o.clock.now();
  const persistent = o.kind !== "memory";
  const webhook = (url: string | undefined) =>
    url && o.webhookSecret ? { url, secret: o.webhookSecret } : undefined;
  const ops = webhook(o.operationsUrl);
  const notify = webhook(o.notifyUrl);
  const operations: Operations = ops
    ? new WebhookOperations(ops.url, { secret: ops.secret })
    : new EmbeddedOperations(
        persistent
          ? await JsonlOperationsJournal.open(join(o.dataDir, "operations.jsonl"))
          : new MemoryOperationsJournal(),
        now,
        o.secret,
      );
  const notifier: Notifier = notify
    ? new WebhookNotifier(notify.url, { secret: notify.secret })
    : persistent
      ? await EmbeddedNotifier.open(join(o.dataDir, "notifications.jsonl"), now, o.logger)
      : new MemoryNotifier(now);
  return {
    outbox: persistent ? await openJsonlOutbox(join(o.dataDir, "outbox.jsonl")) : new MemoryOutboxStore(),
    operations,
    notifier,
    handover: persistent
      ? new JsonlHandover(join(o.dataDir, "handovers.jsonl"), o.logger)
      : new MemoryHandover(),
  };
}
