/**
 * Hand-over requests kept in a JSON Lines file (one line per request) and handed to in-process
 * listeners (agent assist). The record is what the live agent needs not to ask again.
 */
import type { HandoverRecord, ObservableHandover } from "../../domain/handover.js";
import type { Logger } from "../../domain/logger.js";
import { JsonLinesAppender } from "./jsonLines.js";

export class JsonlHandover implements ObservableHandover {
  private readonly appender: JsonLinesAppender;
  private readonly listeners: ((r: HandoverRecord) => void)[] = [];

  constructor(
    file: string,
    private readonly logger: Logger,
  ) {
    this.appender = new JsonLinesAppender(file);
  }

  async announce(record: HandoverRecord): Promise<void> {
    await this.appender.append(record);
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
