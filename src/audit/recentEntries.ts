/**
 * Counts recent audit entries by one field of their data, as stored (masked): how many failed
 * identity checks an account number had in the last minutes, across conversations and restarts.
 * Built once from the log on first use, then kept up to date by the entries recorded after it.
 */

import type { AuditEntry, AuditKind } from "../domain/auditEntry.js";
import type { AuditLog } from "../domain/ports.js";

export interface RecentQuery {
  kind: AuditKind;
  /** Only entries whose data.step is this (e.g. "identity_failed"). */
  step?: string;
  /** The data field counted by. */
  field: string;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Times (ms) of matching entries, by the field's stored value. */
class Index {
  readonly times = new Map<string, number[]>();
  /** Checks in flight whose entry is not appended yet (each is consumed by the next matching entry). */
  readonly pending = new Map<string, number[]>();
  lastSeq = -1;
  private size = 0;

  constructor(readonly query: RecentQuery) {}

  add(entry: AuditEntry): void {
    if (entry.seq <= this.lastSeq) return;
    this.lastSeq = entry.seq;
    const { kind, step, field } = this.query;
    if (entry.kind !== kind || (step !== undefined && entry.data.step !== step)) return;
    const value = entry.data[field];
    if (typeof value !== "string") return;
    const at = Date.parse(entry.at);
    this.release(value);
    const list = this.times.get(value);
    if (list) list.push(at);
    else this.times.set(value, [at]);
    if (++this.size > 100_000) this.prune(at - DAY_MS);
  }

  count(value: string, sinceMs: number): number {
    const recorded = this.times.get(value)?.filter((t) => t >= sinceMs).length ?? 0;
    const inFlight = this.pending.get(value)?.filter((t) => t >= sinceMs).length ?? 0;
    return recorded + inFlight;
  }

  reserve(value: string, atMs: number): void {
    const list = this.pending.get(value);
    if (list) list.push(atMs);
    else this.pending.set(value, [atMs]);
  }

  release(value: string): void {
    const list = this.pending.get(value);
    if (!list) return;
    list.shift();
    if (list.length === 0) this.pending.delete(value);
  }

  /** Forgets entries older than `beforeMs` (the index never needs more than a day). */
  private prune(beforeMs: number): void {
    this.size = 0;
    for (const [value, list] of this.times) {
      const kept = list.filter((t) => t >= beforeMs);
      if (kept.length === 0) this.times.delete(value);
      else this.times.set(value, kept);
      this.size += kept.length;
    }
  }
}

export class RecentEntries {
  private readonly indexes = new Map<string, Promise<Index>>();
  private readonly built: Index[] = [];
  /** Entries recorded while an index was being read from the log. */
  private readonly building = new Set<AuditEntry[]>();

  constructor(private readonly log: AuditLog) {}

  /**
   * Matching entries whose `field` is stored as `storedValue`, recorded at or after `since`
   * (reservations not recorded yet included); in the same step, reserves one more for the
   * caller's own check, so that checks at the same time in other conversations count it before
   * its entry is written. The matching entry, once appended, takes the reservation's place;
   * `release` gives it back when the check succeeded and no entry follows.
   */
  async reserve(
    query: RecentQuery,
    storedValue: string,
    since: Date,
    at: Date,
  ): Promise<{ before: number; release(): void }> {
    const index = await this.index(query);
    const before = index.count(storedValue, since.getTime());
    index.reserve(storedValue, at.getTime());
    let released = false;
    return {
      before,
      release: () => {
        if (!released) index.release(storedValue);
        released = true;
      },
    };
  }

  /** Called with every entry appended through the trail. */
  noteAppended(entries: readonly AuditEntry[]): void {
    for (const index of this.built) for (const e of entries) index.add(e);
    for (const buffer of this.building) buffer.push(...entries);
  }

  private index(query: RecentQuery): Promise<Index> {
    const key = `${query.kind}\u0000${query.step ?? ""}\u0000${query.field}`;
    let index = this.indexes.get(key);
    if (!index) {
      index = this.build(query);
      this.indexes.set(key, index);
      index.catch(() => this.indexes.delete(key)); // a failed read is tried again next time
    }
    return index;
  }

  private async build(query: RecentQuery): Promise<Index> {
    const buffer: AuditEntry[] = [];
    this.building.add(buffer);
    try {
      const index = new Index(query);
      for (const e of await this.log.read()) index.add(e);
      for (const e of buffer) index.add(e);
      this.built.push(index);
      return index;
    } finally {
      this.building.delete(buffer);
    }
  }
}
