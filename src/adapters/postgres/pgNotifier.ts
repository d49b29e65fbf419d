/**
 * The notifier for a deployment on PostgreSQL without an SMS or email gateway: each message is
 * kept in `notifications` (the durable copy a receipt points to), once per idempotency key
 * whichever instance sends it, and logged without its content.
 */
import { z } from "zod";
import type { Logger } from "../../domain/logger.js";
import type { ActionResult, Notifier, OutgoingMessage } from "../../execution/ports.js";
import type { Database } from "./database.js";
import { readDocument } from "./jsonDocument.js";

export const SentMessage = z.strictObject({
  channel: z.enum(["email", "sms"]),
  customerId: z.string(),
  subject: z.string().optional(),
  body: z.string(),
  idempotencyKey: z.string(),
  sentAt: z.string(),
});
export type SentMessage = z.infer<typeof SentMessage>;

export class PgNotifier implements Notifier {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
    private readonly logger: Logger,
  ) {}

  async send(message: OutgoingMessage): Promise<ActionResult> {
    const record: SentMessage = { ...message, sentAt: this.now().toISOString() };
    const { rows } = await this.db.query<{ sent_at: string; inserted: boolean }>(
      "recording a notification",
      `WITH added AS (
         INSERT INTO notifications (idempotency_key, customer_id, message, sent_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (idempotency_key) DO NOTHING RETURNING sent_at)
       SELECT sent_at, true AS inserted FROM added
       UNION ALL SELECT sent_at, false FROM notifications WHERE idempotency_key = $1 AND NOT EXISTS (SELECT 1 FROM added)`,
      [message.idempotencyKey, message.customerId, JSON.stringify(record), record.sentAt],
    );
    // Another instance sending the same message at the same moment committed after this
    // statement's snapshot: its row is read now.
    const row =
      rows[0] ??
      (
        await this.db.query<{ sent_at: string; inserted: boolean }>(
          "reading a notification",
          "SELECT sent_at, false AS inserted FROM notifications WHERE idempotency_key = $1",
          [message.idempotencyKey],
        )
      ).rows[0]!;
    if (!row.inserted) return { sentAt: row.sent_at, duplicate: true };
    this.logger.info(
      { channel: message.channel, customerId: message.customerId, key: message.idempotencyKey },
      "message sent",
    );
    return { sentAt: row.sent_at };
  }

  /** Messages sent to one customer, oldest first. */
  async sentTo(customerId: string): Promise<SentMessage[]> {
    const { rows } = await this.db.query<{ message: string }>(
      "reading notifications",
      "SELECT message FROM notifications WHERE customer_id = $1 ORDER BY sent",
      [customerId],
    );
    return rows.map((r) => readDocument<SentMessage>(SentMessage, r.message, "a notification"));
  }
}
