/**
 * The Direct Line 3.0 conversations FairExit serves itself, so Microsoft's Web Chat runs with
 * no cloud service: each conversation keeps the activities of both sides in order, numbered by
 * watermark, and Web Chat polls for the ones after its watermark. The log is transport only
 * (the conversation itself is in the store), kept in memory, bounded, and dropped when idle;
 * after a restart a valid token simply starts a fresh log on the same stored conversation.
 */
import type { ConversationEngine } from "../../bot/conversationEngine.js";
import { KeyedMutex } from "../../domain/keyedMutex.js";
import type { ReplyActivity } from "../activity.js";
import { replyActivities } from "../replyActivities.js";
import { respondToActivity } from "../respondToActivity.js";
import type { DirectLineGrant } from "./directLineToken.js";

export const BOT_ACCOUNT = { id: "fairexit", name: "FairExit (automated assistant)", role: "bot" } as const;
const CHANNEL = "webchat";
/** Activities kept per conversation (both sides); the oldest are dropped beyond this. */
export const MAX_ACTIVITIES = 500;
/** Bytes (as JSON) of the activities kept per conversation; the oldest are dropped beyond this. */
export const MAX_LOG_BYTES = 1024 * 1024;
/** Activities one GET returns at most; the watermark then points at the next page. */
export const ACTIVITIES_PAGE = 100;

export interface DirectLineActivity {
  [key: string]: unknown;
  id: string;
  type: string;
  timestamp: string;
  channelId: "directline";
  conversation: { id: string };
  from: { id: string; name?: string; role: "user" | "bot" };
}

interface Log {
  activities: DirectLineActivity[];
  /** How many of the oldest activities were dropped to keep the log bounded. */
  dropped: number;
  /** The size of each kept activity as JSON, in the same order, and their sum. */
  sizes: number[];
  bytes: number;
  started: boolean;
  /** The opening was shown without storing the conversation (see `start`). */
  openingShown: boolean;
  lastUsedMs: number;
}

export interface DirectLineLimits {
  maxConversations: number;
  idleMs: number;
}

export class DirectLineConversations {
  private readonly logs = new Map<string, Log>();
  private readonly order = new KeyedMutex();

  constructor(
    private readonly engine: ConversationEngine,
    private readonly now: () => number,
    private readonly limits: DirectLineLimits = { maxConversations: 10_000, idleMs: 2 * 60 * 60_000 },
  ) {}

  /**
   * Opens the conversation once: a signed-in customer's is stored and greets them by name; an
   * anonymous visitor gets the opening without anything stored until they write (a public page
   * is opened far more often than used, and by robots too).
   */
  async start(grant: DirectLineGrant): Promise<void> {
    await this.order.run(grant.conversationId, async () => {
      const log = this.log(grant.conversationId);
      if (log.started) return;
      log.started = true;
      const turn = grant.customerId
        ? await this.engine.start(grant.conversationId, {
            channel: CHANNEL,
            trustedCustomerId: grant.customerId,
          })
        : this.engine.opening(grant.conversationId);
      log.openingShown = !grant.customerId;
      this.appendReplies(grant.conversationId, log, replyActivities(turn), undefined);
    });
  }

  /** Records the customer's activity, lets the bot answer it, and returns the activity's id. */
  async post(grant: DirectLineGrant, activity: Record<string, unknown>): Promise<string> {
    return this.order.run(grant.conversationId, async () => {
      const log = this.log(grant.conversationId);
      const echoed = this.append(grant.conversationId, log, {
        ...pick(activity),
        from: { id: grant.userId, role: "user" },
      });
      const replies = await respondToActivity(this.engine, activity, {
        conversationId: grant.conversationId,
        channel: CHANNEL,
        botId: BOT_ACCOUNT.id,
        trustedCustomerId: grant.customerId,
        openingShown: log.openingShown,
      });
      this.appendReplies(grant.conversationId, log, replies, echoed.id);
      return echoed.id;
    });
  }

  /**
   * The activities after `watermark`, at most `ACTIVITIES_PAGE` of them: from the oldest kept
   * when it is missing or unknown (a watermark from before a restart), so a client never waits
   * for numbers that will not come. The returned watermark is the number after the last one
   * returned, so a client polling again gets the next page.
   */
  activities(
    conversationId: string,
    watermark: string | undefined,
  ): { activities: DirectLineActivity[]; watermark: string } {
    const log = this.log(conversationId);
    const total = log.dropped + log.activities.length;
    const seen = watermark === undefined ? 0 : Number(watermark);
    const known = Number.isInteger(seen) && seen >= 0 && seen <= total;
    const start = known ? Math.max(0, seen - log.dropped) : 0;
    const page = log.activities.slice(start, start + ACTIVITIES_PAGE);
    return { activities: page, watermark: String(log.dropped + start + page.length) };
  }

  private appendReplies(
    conversationId: string,
    log: Log,
    replies: ReplyActivity[],
    replyToId: string | undefined,
  ) {
    for (const reply of replies)
      this.append(conversationId, log, { ...reply, from: BOT_ACCOUNT, ...(replyToId ? { replyToId } : {}) });
  }

  private append(
    conversationId: string,
    log: Log,
    activity: Record<string, unknown> & { from: DirectLineActivity["from"] },
  ): DirectLineActivity {
    const stored: DirectLineActivity = {
      ...activity,
      type: String(activity.type ?? "message"),
      id: `${conversationId}|${String(log.dropped + log.activities.length).padStart(7, "0")}`,
      timestamp: new Date(this.now()).toISOString(),
      channelId: "directline",
      conversation: { id: conversationId },
    };
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

  private log(conversationId: string): Log {
    const now = this.now();
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

/** The parts of a posted activity that are kept in the log (never a client-chosen id or sender). */
function pick(activity: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = { type: activity.type };
  for (const key of ["text", "textFormat", "value", "locale", "channelData"] as const)
    if (activity[key] !== undefined) kept[key] = activity[key];
  return kept;
}
