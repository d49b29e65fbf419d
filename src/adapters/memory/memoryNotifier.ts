import type { ActionResult, Notifier, OutgoingMessage } from "../../execution/ports.js";

/** Keeps sent messages in memory, once per idempotency key; for tests and the memory store. */
export class MemoryNotifier implements Notifier {
  readonly sent: (OutgoingMessage & { sentAt: string })[] = [];
  private readonly sentAtByKey = new Map<string, string>();
  constructor(private readonly now: () => Date) {}

  async send(message: OutgoingMessage): Promise<ActionResult> {
    const earlier = this.sentAtByKey.get(message.idempotencyKey);
    if (earlier !== undefined) return { sentAt: earlier, duplicate: true };
    const sentAt = this.now().toISOString();
    this.sent.push({ ...structuredClone(message), sentAt });
    this.sentAtByKey.set(message.idempotencyKey, sentAt);
    return { sentAt };
  }
}
