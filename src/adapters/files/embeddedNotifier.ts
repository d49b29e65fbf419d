/**
 * The notifier for a deployment without an SMS or email gateway: each message is appended to
 * `notifications.jsonl` (the durable copy a customer's receipt points to) and logged without
 * its content. Sending twice with the same idempotency key records it once.
 */
import { z } from "zod";
import type { Logger } from "../../domain/logger.js";
import type { ActionResult, Notifier, OutgoingMessage } from "../../execution/ports.js";
import { JsonLinesAppender, readJsonLines } from "./jsonLines.js";

const SentMessage = z.strictObject({
  channel: z.enum(["email", "sms"]),
  customerId: z.string(),
  subject: z.string().optional(),
  body: z.string(),
  idempotencyKey: z.string(),
  sentAt: z.string(),
});
export type SentMessage = z.infer<typeof SentMessage>;

export class EmbeddedNotifier implements Notifier {
  private constructor(
    private readonly appender: JsonLinesAppender,
    private readonly sent: Map<string, SentMessage>,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  static async open(file: string, now: () => Date, logger: Logger): Promise<EmbeddedNotifier> {
    const history = await readJsonLines(file, SentMessage);
    return new EmbeddedNotifier(
      new JsonLinesAppender(file),
      new Map(history.map((m) => [m.idempotencyKey, m])),
      now,
      logger,
    );
  }

  async send(message: OutgoingMessage): Promise<ActionResult> {
    const earlier = this.sent.get(message.idempotencyKey);
    if (earlier) return { sentAt: earlier.sentAt, duplicate: true };
    const record: SentMessage = { ...message, sentAt: this.now().toISOString() };
    await this.appender.append(record);
    this.sent.set(message.idempotencyKey, record);
    this.logger.info(
      { channel: message.channel, customerId: message.customerId, key: message.idempotencyKey },
      "message sent",
    );
    return { sentAt: record.sentAt };
  }

  /** Messages sent to one customer, oldest first. */
  sentTo(customerId: string): SentMessage[] {
    return [...this.sent.values()].filter((m) => m.customerId === customerId);
  }
}
