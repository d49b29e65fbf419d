/**
 * Hand-over requests kept in PostgreSQL (one row each) and handed to in-process listeners
 * (agent assist in this instance). Telling the other instances (LISTEN/NOTIFY) is not done yet.
 * Once per id, whichever instance announces it: the first row is kept, and a repeat (a turn that
 * lost a race, run again) is neither logged nor told.
 */
import type { HandoverRecord, ObservableHandover } from "../../domain/handover.js";
import type { Logger } from "../../domain/logger.js";
import type { Database } from "./database.js";

export class PgHandover implements ObservableHandover {
  private readonly listeners: ((r: HandoverRecord) => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly logger: Logger,
  ) {}

  async announce(record: HandoverRecord): Promise<void> {
    const { rowCount } = await this.db.query(
      "recording a hand-over",
      "INSERT INTO handovers (id, conversation_id, record) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
      [record.id, record.conversationId, JSON.stringify(record)],
    );
    if (rowCount === 0) return; // announced before
    this.logger.info(
      {
        handoverId: record.id,
        conversationId: record.conversationId,
        reasons: record.reasons.map((r) => r.ruleId),
      },
      "hand-over requested",
    );
    for (const l of this.listeners) l(record);
  }

  onHandover(listener: (r: HandoverRecord) => void): void {
    this.listeners.push(listener);
  }
}
