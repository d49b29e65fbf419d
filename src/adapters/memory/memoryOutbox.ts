/** The outbox with its event log kept in memory: for tests and the memory store. */
import { frozenCopy } from "../../domain/deepFreeze.js";
import { EventSourcedOutbox, type OutboxEvent } from "../../execution/outboxLog.js";

export class MemoryOutboxStore extends EventSourcedOutbox {
  readonly events: OutboxEvent[] = [];
  constructor() {
    const events: OutboxEvent[] = [];
    super(async (e) => {
      events.push(frozenCopy(e));
    });
    this.events = events;
  }
}
