import type { ActionResult, Notifier, OutgoingMessage } from "./ports.js";

/** Keeps sent messages in memory, once per idempotency key; for tests and the memory store. */
export class MemoryNotifier implements Notifier {
  readonly sent: (OutgoingMessage & { sentAt: string })[] = [];
  constructor(private readonly now: () => Date) {}

  async send(message: OutgoingMessage): Promise<ActionResult> {
    const earlier = this.sent.find((m) => m.idempotencyKey === message.idempotencyKey);
    if (earlier) return { sentAt: earlier.sentAt, duplicate: true };
    const sentAt = this.now().toISOString();
    this.sent.push({ ...structuredClone(message), sentAt });
    return { sentAt };
  }
}
