/**
 * The parts of FairExit the composition root counts through, each wrapped without changing what
 * it does: the conversation store (a turn is a stored message and its replies), the audit log
 * (decisions and every other kind of entry) and the assist desk (utterance to view latency).
 * Ids, kinds and durations only: no text, no customer data reaches a metric.
 */
import type { AssistDesk } from "../../assist/desk.js";
import type { Metrics } from "../../domain/metrics.js";
import type { AuditLog, ConversationStore } from "../../domain/ports.js";

export function meteredConversations(c: ConversationStore, metrics: Metrics): ConversationStore {
  return {
    create: (conversation) => c.create(conversation),
    get: (id) => c.get(id),
    appendTurn: async (...args: Parameters<ConversationStore["appendTurn"]>) => {
      const r = await c.appendTurn(...args);
      metrics.turnHandled();
      return r;
    },
    appendTurns: async (...args: Parameters<ConversationStore["appendTurns"]>) => {
      const r = await c.appendTurns(...args);
      metrics.turnHandled();
      return r;
    },
    list: (filter) => c.list(filter),
    count: () => c.count(),
  } satisfies ConversationStore;
}

export function meteredAuditLog(log: AuditLog, metrics: Metrics): AuditLog {
  return {
    append: async (record) => {
      const entry = await log.append(record);
      metrics.auditRecorded(entry.kind);
      return entry;
    },
    appendAll: async (records) => {
      const entries = await log.appendAll(records);
      for (const e of entries) metrics.auditRecorded(e.kind);
      return entries;
    },
    read: (filter) => log.read(filter),
    verify: () => log.verify(),
  };
}

/** The desk, timing each utterance from arrival to its view (a batch: arrival to its last view). */
export function meteredDesk(desk: AssistDesk, metrics: Metrics): AssistDesk {
  return {
    ...desk,
    async hear(utterance) {
      const started = performance.now();
      const view = await desk.hear(utterance);
      metrics.assistViewShown((performance.now() - started) / 1000);
      return view;
    },
    async hearAll(utterances) {
      const started = performance.now();
      const views = await desk.hearAll(utterances);
      if (views.length > 0) metrics.assistViewShown((performance.now() - started) / 1000);
      return views;
    },
  };
}
