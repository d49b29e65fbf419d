/**
 * Keeps one Slack message per assist session up to date within Slack's limits: the first view
 * is posted (chat.postMessage, about 1 a second per channel), later views edit it in place
 * (chat.update, Tier 3: about 50 a minute per workspace, shared by every agent), new alerts go
 * to the message's thread. An `UpdateCoalescer` keeps only the latest view per session while it
 * waits for budget, so after any burst every message ends at its session's latest view.
 * A 429 from Slack pauses the budget for its Retry-After; the view waits and is sent after.
 */
import { webApi } from "@slack/bolt";
import type { AssistView } from "../../assist/view.js";
import type { RateWindow } from "../../channels/delivery/rateWindow.js";
import { RetryLater, type Scheduler, UpdateCoalescer } from "../../channels/delivery/updateCoalescer.js";
import type { Logger } from "../../domain/logger.js";
import { alertReplyBlocks, assistBlocks, assistFallbackText } from "./assistBlocks.js";

/** The two Web API methods delivery calls (bolt's WebClient, or anything that speaks like it). */
export interface SlackChat {
  chat: {
    postMessage(args: Record<string, unknown>): Promise<{ ok?: boolean; ts?: string; channel?: string }>;
    update(args: Record<string, unknown>): Promise<{ ok?: boolean }>;
  };
}

export interface SlackBudgets {
  /** chat.update calls a minute for the whole workspace (Slack's Tier 3 is about 50). */
  updatesPerMinute: number;
  /** chat.postMessage calls a second per channel (Slack allows about 1). */
  postsPerSecondPerChannel: number;
  /** chat.postMessage calls a minute for the whole workspace (Slack: "several hundred"). */
  postsPerMinute: number;
}

export const DEFAULT_SLACK_BUDGETS: SlackBudgets = {
  updatesPerMinute: 45,
  postsPerSecondPerChannel: 1,
  postsPerMinute: 240,
};

/** Where a session's message lives; `ts` once posted. */
interface Placement {
  channel: string;
  /** The agent who opened it from Slack: their DM is the fallback when the bot is not in the channel. */
  user?: string;
  ts?: string;
  /** Alerts already posted to the thread. */
  threaded: Set<string>;
  /** The last version sent (message) and offered. */
  sentVersion: number;
}

/** How many ended sessions keep their placement (a late button click still finds its message). */
const ENDED_KEPT = 2000;

/** Slack errors after which the message is posted to the agent's DM instead. */
const NOT_IN_CHANNEL = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
/** Slack errors after which the message is posted again (someone deleted it). */
const MESSAGE_GONE = new Set(["message_not_found", "cant_update_message"]);

function slackError(error: unknown): { code?: string; error?: string; retryAfter?: number } {
  const e = error as {
    code?: string;
    data?: { error?: string };
    retryAfter?: number;
    originalError?: unknown;
  };
  if (e?.code === undefined && e?.originalError) return slackError(e.originalError);
  return { code: e?.code, error: e?.data?.error, retryAfter: e?.retryAfter };
}

/** A rate-limit answer as the coalescer understands it; anything else unchanged. */
function asRetryLater(error: unknown): unknown {
  const e = slackError(error);
  if (e.code === webApi.ErrorCode.RateLimitedError)
    return new RetryLater(Math.max(1, e.retryAfter ?? 1) * 1000);
  if (e.error === "ratelimited") return new RetryLater(1000);
  return error;
}

export interface SlackDeliveryOptions {
  client: SlackChat;
  /** Where sessions not opened from Slack go (e.g. a team channel); undefined = only Slack-opened ones. */
  defaultChannel?: string;
  budgets?: SlackBudgets;
  scheduler: Scheduler;
  logger: Logger;
}

export class SlackDelivery {
  private readonly placements = new Map<string, Placement>();
  private readonly latest = new Map<string, AssistView>();
  /** Sessions whose ended view was sent, oldest first: forgotten beyond `ENDED_KEPT`. */
  private readonly ended: string[] = [];
  private readonly coalescer: UpdateCoalescer<AssistView>;
  private readonly budgets: SlackBudgets;

  constructor(private readonly o: SlackDeliveryOptions) {
    this.budgets = o.budgets ?? DEFAULT_SLACK_BUDGETS;
    this.coalescer = new UpdateCoalescer<AssistView>({
      scheduler: o.scheduler,
      budgetOf: (key, view) => this.budgetOf(key, view),
      windowsOf: (budget) => this.windowsOf(budget),
      send: (key, view) => this.send(key, view),
      onError: (key, error) => {
        const e = slackError(error);
        o.logger.warn({ key, code: e.code, slackError: e.error }, "a Slack message could not be sent");
      },
    });
  }

  /** Sends the sessions opened from Slack to `channel` (the agent's `user` DM as fallback). */
  place(sessionId: string, channel: string, user?: string): void {
    const placed = this.placements.get(sessionId);
    if (!placed) this.placements.set(sessionId, { channel, user, threaded: new Set(), sentVersion: -1 });
    // Already in the shared channel: the message stays there, but it is now this agent's session.
    else placed.user ??= user;
  }

  /**
   * A platform session whose agent is the Slack user `user` (SLACK_PLATFORM_AGENTS): to their DM
   * instead of the shared channel, unless it was opened from Slack or its message is already out.
   */
  toDm(sessionId: string, user: string): void {
    const placed = this.placements.get(sessionId);
    if (!placed)
      this.placements.set(sessionId, { channel: user, user, threaded: new Set(), sentVersion: -1 });
    else if (placed.user === undefined && placed.ts === undefined) {
      placed.channel = user;
      placed.user = user;
    }
  }

  /** A session that could not be opened: forget where it would have gone (nothing was posted). */
  unplace(sessionId: string): void {
    if (this.placements.get(sessionId)?.ts === undefined) this.placements.delete(sessionId);
  }

  /** Whether the session has a Slack message (or will have one). */
  placed(sessionId: string): boolean {
    return this.placements.has(sessionId);
  }

  /** The sessions an agent opened from Slack, for the App Home. */
  sessionsOf(user: string): string[] {
    return [...this.placements].filter(([, p]) => p.user === user).map(([id]) => id);
  }

  /** The desk's listener: every new view of every session. */
  offer(view: AssistView): void {
    let placement = this.placements.get(view.sessionId);
    if (!placement) {
      if (!this.o.defaultChannel) return;
      placement = { channel: this.o.defaultChannel, threaded: new Set(), sentVersion: -1 };
      this.placements.set(view.sessionId, placement);
    }
    const previous = this.latest.get(view.sessionId);
    if (previous && previous.version > view.version) return;
    this.latest.set(view.sessionId, view);
    this.coalescer.offer(`m:${view.sessionId}`, view);
    if (this.unthreaded(placement, view).length > 0) this.coalescer.offer(`a:${view.sessionId}`, view);
  }

  /** What delivery did so far (for /readyz details and the benchmark). */
  get stats() {
    return { ...this.coalescer.stats, waiting: this.coalescer.waiting };
  }

  /** Resolves when nothing is being sent right now. */
  quiet(): Promise<void> {
    return this.coalescer.quiet();
  }

  close(): void {
    this.coalescer.close();
  }

  private unthreaded(p: Placement, view: AssistView) {
    return view.alerts.filter((a) => !a.dismissed && !p.threaded.has(a.id));
  }

  private budgetOf(key: string, view: AssistView): string | readonly string[] | undefined {
    const p = this.placements.get(view.sessionId);
    if (!p) return undefined;
    const post = [`post:${p.channel}`, "post"];
    if (key.startsWith("m:")) return p.ts ? "update" : post;
    // Thread replies wait for the message they hang on.
    return p.ts ? post : undefined;
  }

  private windowsOf(budget: string): readonly RateWindow[] {
    if (budget === "update") {
      const perMinute = this.budgets.updatesPerMinute;
      // The minute's budget, spread: no more than a sixth of it in any 10 seconds.
      return [
        { max: perMinute, perMs: 60_000 },
        { max: Math.max(1, Math.ceil(perMinute / 6)), perMs: 10_000 },
      ];
    }
    if (budget === "post") return [{ max: this.budgets.postsPerMinute, perMs: 60_000 }];
    return [{ max: this.budgets.postsPerSecondPerChannel, perMs: 1000 }];
  }

  private async send(key: string, view: AssistView): Promise<void> {
    const p = this.placements.get(view.sessionId);
    if (!p) return;
    try {
      if (key.startsWith("a:")) await this.sendAlerts(p, view);
      else await this.sendMessage(p, view);
    } catch (error) {
      throw asRetryLater(error);
    }
  }

  private async sendMessage(p: Placement, view: AssistView): Promise<void> {
    const message = {
      text: assistFallbackText(view),
      blocks: assistBlocks(view),
      metadata: {
        event_type: "fairexit_assist_view",
        event_payload: { sessionId: view.sessionId, version: view.version },
      },
    };
    if (p.ts) {
      try {
        await this.o.client.chat.update({ channel: p.channel, ts: p.ts, ...message });
      } catch (error) {
        if (!MESSAGE_GONE.has(slackError(error).error ?? "")) throw error;
        p.ts = undefined;
        this.reofferLatest(view.sessionId);
        return;
      }
    } else {
      try {
        const posted = await this.o.client.chat.postMessage({ channel: p.channel, ...message });
        p.ts = posted.ts;
        if (posted.channel) p.channel = posted.channel;
      } catch (error) {
        if (p.user && p.channel !== p.user && NOT_IN_CHANNEL.has(slackError(error).error ?? "")) {
          p.channel = p.user;
          this.reofferLatest(view.sessionId);
          return;
        }
        throw error;
      }
      // Alerts waiting for the thread can go now.
      this.coalescer.wake();
    }
    p.sentVersion = Math.max(p.sentVersion, view.version);
    if (view.status === "ended" && this.latest.get(view.sessionId)?.version === view.version)
      this.forget(view.sessionId);
  }

  /** An ended session's last view is out: keep only its placement, and only for the last `ENDED_KEPT`. */
  private forget(sessionId: string): void {
    this.latest.delete(sessionId);
    this.ended.push(sessionId);
    for (const old of this.ended.splice(0, Math.max(0, this.ended.length - ENDED_KEPT)))
      this.placements.delete(old);
  }

  private async sendAlerts(p: Placement, view: AssistView): Promise<void> {
    const fresh = this.unthreaded(p, view);
    if (fresh.length === 0 || !p.ts) return;
    await this.o.client.chat.postMessage({
      channel: p.channel,
      thread_ts: p.ts,
      text: `${fresh.length} new alert(s): ${fresh[0]!.message}`.slice(0, 300),
      blocks: alertReplyBlocks(view, fresh),
    });
    for (const a of fresh) p.threaded.add(a.id);
  }

  private reofferLatest(sessionId: string): void {
    const view = this.latest.get(sessionId);
    if (view) this.coalescer.offer(`m:${sessionId}`, view);
  }
}
