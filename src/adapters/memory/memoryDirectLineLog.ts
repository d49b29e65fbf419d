/**
 * The Direct Line log in this process's memory, for one instance: bounded per conversation
 * (newest MAX_ACTIVITIES, MAX_LOG_BYTES) and in the number of conversations, dropping the least
 * recently used and those idle for longer than `idleMs`. After a restart a valid token simply
 * starts a fresh log on the same stored conversation.
 */
import {
  ACTIVITIES_PAGE,
  activityId,
  type DirectLineActivity,
  type DirectLineLog,
  type DirectLinePage,
  type DirectLineStart,
  MAX_ACTIVITIES,
  MAX_LOG_BYTES,
  pageStart,
  type UnnumberedActivity,
} from "../../channels/directLine/directLineLog.js";

interface Log {
  activities: DirectLineActivity[];
  /** How many of the oldest activities were dropped to keep the log bounded. */
  dropped: number;
  /** The size of each kept activity as JSON, in the same order, and their sum. */
  sizes: number[];
  bytes: number;
  started: boolean;
  openingShown: boolean;
  lastUsedMs: number;
}

export interface DirectLineLimits {
  maxConversations: number;
  idleMs: number;
}

export class MemoryDirectLineLog implements DirectLineLog {
  private readonly logs = new Map<string, Log>();

  constructor(
    private readonly limits: DirectLineLimits = { maxConversations: 10_000, idleMs: 2 * 60 * 60_000 },
  ) {}

  async start(conversationId: string, openingShown: boolean, nowMs: number): Promise<DirectLineStart> {
    const log = this.log(conversationId, nowMs);
    if (log.started) return { first: false, openingShown: log.openingShown };
    log.started = true;
    log.openingShown = openingShown;
    return { first: true, openingShown };
  }

  async openingShown(conversationId: string): Promise<boolean> {
    return this.logs.get(conversationId)?.openingShown ?? false;
  }

  async append(
    conversationId: string,
    activities: readonly UnnumberedActivity[],
    nowMs: number,
  ): Promise<DirectLineActivity[]> {
    const log = this.log(conversationId, nowMs);
    return activities.map((a) => this.push(conversationId, log, a));
  }

  async page(conversationId: string, watermark: string | undefined, nowMs: number): Promise<DirectLinePage> {
    const log = this.log(conversationId, nowMs);
    const next = log.dropped + log.activities.length;
    const start = pageStart(log.dropped, next, watermark) - log.dropped;
    const page = log.activities.slice(start, start + ACTIVITIES_PAGE);
    return { activities: page, watermark: String(log.dropped + start + page.length) };
  }

  private push(conversationId: string, log: Log, activity: UnnumberedActivity): DirectLineActivity {
    const stored = { ...activity, id: activityId(conversationId, log.dropped + log.activities.length) };
    const size = JSON.stringify(stored).length;
    while (
      log.activities.length > 0 &&
      (log.activities.length >= MAX_ACTIVITIES || log.bytes + size > MAX_LOG_BYTES)
    ) {
      log.activities.shift();
      log.bytes -= log.sizes.shift() ?? 0;
      log.dropped++;
    }
    log.activities.push(stored);
    log.sizes.push(size);
    log.bytes += size;
    return stored;
  }

  private log(conversationId: string, now: number): Log {
    let log = this.logs.get(conversationId);
    if (log) {
      this.logs.delete(conversationId); // re-insert: the map's order is least recently used first
    } else {
      this.evict(now);
      log = {
        activities: [],
        dropped: 0,
        sizes: [],
        bytes: 0,
        started: false,
        openingShown: false,
        lastUsedMs: now,
      };
    }
    log.lastUsedMs = now;
    this.logs.set(conversationId, log);
    return log;
  }

  private evict(now: number): void {
    for (const [id, log] of this.logs) {
      const idle = now - log.lastUsedMs > this.limits.idleMs;
      if (!idle && this.logs.size < this.limits.maxConversations) break;
      this.logs.delete(id);
    }
  }
}
