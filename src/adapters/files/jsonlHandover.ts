/**
 * Hand-over requests kept in a JSON Lines file (one line per request) and handed to in-process
 * listeners (agent assist). The record is what the live agent needs not to ask again. Once per id:
 * a repeat (a turn run again, moments after its first run) is neither written nor told; the
 * last RECENT_IDS ids announced by this process are remembered for that.
 */
import type { HandoverRecord, ObservableHandover } from "../../domain/handover.js";
import type { Logger } from "../../domain/logger.js";
import { JsonLinesAppender } from "./jsonLines.js";

/** How many of the latest ids a repeat is looked for among (a turn is run again at once). */
const RECENT_IDS = 1000;

export class JsonlHandover implements ObservableHandover {
  private readonly appender: JsonLinesAppender;
  private readonly listeners: ((r: HandoverRecord) => void)[] = [];
  private readonly recent = new Set<string>();

  constructor(
    file: string,
    private readonly logger: Logger,
  ) {
    this.appender = new JsonLinesAppender(file);
  }

  async announce(record: HandoverRecord): Promise<void> {
    if (this.recent.has(record.id)) return;
    this.recent.add(record.id);
    // A Set iterates in insertion order: the first is the oldest.
    if (this.recent.size > RECENT_IDS) this.recent.delete(this.recent.values().next().value!);
    try {
      await this.appender.append(record);
    } catch (e) {
      this.recent.delete(record.id); // not written: announcing it again writes it
      throw e;
    }
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
