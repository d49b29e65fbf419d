import { frozenCopy } from "../../domain/deepFreeze.js";
import type { HandoverRecord, ObservableHandover } from "../../domain/handover.js";

/**
 * Keeps hand-over requests in memory (agent assist reads them in-process, tests assert on them),
 * each a frozen copy: what the bot handed over stays as it was said. Once per id: the first
 * announcement of an id is kept, a repeat (a turn run again) is neither kept nor told.
 */
export class MemoryHandover implements ObservableHandover {
  readonly records: HandoverRecord[] = [];
  private readonly ids = new Set<string>();
  private readonly listeners: ((r: HandoverRecord) => void)[] = [];

  async announce(record: HandoverRecord): Promise<void> {
    if (this.ids.has(record.id)) return;
    this.ids.add(record.id);
    this.records.push(frozenCopy(record));
    for (const l of this.listeners) l(record);
  }

  onHandover(listener: (r: HandoverRecord) => void): void {
    this.listeners.push(listener);
  }
}
