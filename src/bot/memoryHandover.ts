import type { HandoverPort, HandoverRecord } from "./ports.js";

/** Keeps hand-over requests in memory (agent assist reads them in-process, tests assert on them). */
export class MemoryHandover implements HandoverPort {
  readonly records: HandoverRecord[] = [];
  private readonly listeners: ((r: HandoverRecord) => void)[] = [];

  async announce(record: HandoverRecord): Promise<void> {
    this.records.push(structuredClone(record));
    for (const l of this.listeners) l(record);
  }

  onHandover(listener: (r: HandoverRecord) => void): void {
    this.listeners.push(listener);
  }
}
