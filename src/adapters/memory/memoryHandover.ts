import { frozenCopy } from "../../domain/deepFreeze.js";
import type { HandoverRecord, ObservableHandover } from "../../domain/handover.js";

/**
 * Keeps hand-over requests in memory (agent assist reads them in-process, tests assert on them),
 * each a frozen copy: what the bot handed over stays as it was said.
 */
export class MemoryHandover implements ObservableHandover {
  readonly records: HandoverRecord[] = [];
  private readonly listeners: ((r: HandoverRecord) => void)[] = [];

  async announce(record: HandoverRecord): Promise<void> {
    this.records.push(frozenCopy(record));
    for (const l of this.listeners) l(record);
  }

  onHandover(listener: (r: HandoverRecord) => void): void {
    this.listeners.push(listener);
  }
}
