/**
 * Delivers the latest state of many things (one assist view per session) to a rate-limited
 * platform: while a key waits for budget, a newer value replaces the older one (only the latest
 * is ever sent), keys are served in the order they first became due (fair: a busy session does
 * not starve a quiet one), and a key is never sent twice at once (its sends arrive in order).
 * The last value offered for a key is always sent eventually: nothing is lost, only skipped.
 *
 * The platform adapter says which budget a send uses (e.g. `post:C123` for a first message,
 * `update` for an edit) and does the sending; time comes from an injected scheduler, so a test
 * runs 20 simulated minutes in milliseconds.
 */
import { type RateWindow, SendBudget } from "./rateWindow.js";

/** Time and timers, injected: the real one is `realScheduler`, tests use a manual one. */
export interface Scheduler {
  now(): number;
  /** Runs `run` after `ms`; returns a function that cancels it. */
  after(ms: number, run: () => void): () => void;
}

export const realScheduler: Scheduler = {
  now: () => Date.now(),
  after(ms, run) {
    const timer = setTimeout(run, ms);
    timer.unref?.();
    return () => clearTimeout(timer);
  },
};

/** Thrown (or rejected) by `send` when the platform answered 429: the budget pauses, the value waits. */
export class RetryLater extends Error {
  constructor(readonly afterMs: number) {
    super(`rate limited: retry after ${afterMs} ms`);
    this.name = "RetryLater";
  }
}

export interface CoalescerOptions<T> {
  /**
   * The budgets a send of `value` for `key` uses now (all must have room: e.g. the channel's and
   * the workspace's), or undefined when it cannot be sent yet.
   */
  budgetOf(key: string, value: T): string | readonly string[] | undefined;
  /** The windows of a budget, asked once per budget name. */
  windowsOf(budget: string): readonly RateWindow[];
  send(key: string, value: T): Promise<void>;
  scheduler: Scheduler;
  /**
   * A send that failed for another reason than a rate limit is tried again this many times
   * (after 1 s, 2 s, 4 s …) unless a newer value replaces it; default 3.
   */
  retries?: number;
  /** A send failed after its retries: the value is dropped (the next offer for the key sends again). */
  onError?(key: string, error: unknown): void;
}

export interface CoalescerStats {
  offered: number;
  /** Offers replaced by a newer value before they were sent. */
  replaced: number;
  sent: number;
  rateLimited: number;
  failed: number;
}

export class UpdateCoalescer<T> {
  private readonly pending = new Map<string, T>();
  private readonly inFlight = new Set<string>();
  private readonly budgets = new Map<string, SendBudget>();
  /** Failed attempts of a key's current value, and when it may be tried again. */
  private readonly attempts = new Map<string, number>();
  private readonly notBefore = new Map<string, number>();
  private cancelTimer: (() => void) | undefined;
  private timerAt = Number.POSITIVE_INFINITY;
  private pumpQueued = false;
  private closed = false;
  private quietWaiters: (() => void)[] = [];
  readonly stats: CoalescerStats = { offered: 0, replaced: 0, sent: 0, rateLimited: 0, failed: 0 };

  constructor(private readonly o: CoalescerOptions<T>) {}

  /** The latest value for `key`; replaces one still waiting (keeping its place in the queue). */
  offer(key: string, value: T): void {
    if (this.closed) return;
    this.stats.offered++;
    if (this.pending.has(key)) this.stats.replaced++;
    this.pending.set(key, value);
    this.wake();
  }

  /** Something a `budgetOf` depends on changed (e.g. a first message now has its id): look again. */
  wake(): void {
    if (this.pumpQueued || this.closed) return;
    this.pumpQueued = true;
    queueMicrotask(() => {
      this.pumpQueued = false;
      this.pump();
    });
  }

  /** How many keys wait for budget (or for their previous send). */
  get waiting(): number {
    return this.pending.size;
  }

  get sending(): number {
    return this.inFlight.size;
  }

  /** Resolves when no send is in flight and no pump is queued (waiting keys may remain, on a timer). */
  quiet(): Promise<void> {
    if (this.inFlight.size === 0 && !this.pumpQueued) return Promise.resolve();
    return new Promise((resolve) => this.quietWaiters.push(resolve));
  }

  /** Stops sending; waiting values are dropped. */
  close(): void {
    this.closed = true;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.pending.clear();
    this.notBefore.clear();
    this.settleQuiet();
  }

  private budget(name: string): SendBudget {
    let b = this.budgets.get(name);
    if (!b) {
      b = new SendBudget(this.o.windowsOf(name));
      this.budgets.set(name, b);
    }
    return b;
  }

  private pump(): void {
    if (this.closed) return;
    const now = this.o.scheduler.now();
    let wakeAt = Number.POSITIVE_INFINITY;
    const blocked = new Set<string>();
    for (const [key, value] of this.pending) {
      if (this.inFlight.has(key)) continue;
      const retryAt = this.notBefore.get(key);
      if (retryAt !== undefined) {
        if (retryAt > now) {
          wakeAt = Math.min(wakeAt, retryAt);
          continue;
        }
        this.notBefore.delete(key);
      }
      const asked = this.o.budgetOf(key, value);
      if (asked === undefined) continue;
      const names = typeof asked === "string" ? [asked] : asked;
      if (names.some((n) => blocked.has(n))) continue;
      let at = now;
      for (const n of names) {
        const next = this.budget(n).nextAt(now);
        if (next > now) blocked.add(n);
        at = Math.max(at, next);
      }
      if (at > now) {
        wakeAt = Math.min(wakeAt, at);
        continue;
      }
      for (const n of names) this.budget(n).take(now);
      this.pending.delete(key);
      this.start(key, value, names);
    }
    this.schedule(wakeAt, now);
    this.settleQuiet();
  }

  private start(key: string, value: T, budgetNames: readonly string[]): void {
    this.inFlight.add(key);
    this.o
      .send(key, value)
      .then(
        () => {
          this.stats.sent++;
          this.attempts.delete(key);
        },
        (error: unknown) => {
          if (error instanceof RetryLater) {
            this.stats.rateLimited++;
            for (const n of budgetNames) this.budget(n).pause(this.o.scheduler.now() + error.afterMs);
            // Put the value back unless a newer one arrived meanwhile.
            if (!this.pending.has(key) && !this.closed) this.pending.set(key, value);
          } else {
            const failed = this.attempts.get(key) ?? 0;
            const newer = this.pending.has(key);
            if (!newer && !this.closed && failed < (this.o.retries ?? 3)) {
              this.attempts.set(key, failed + 1);
              this.notBefore.set(key, this.o.scheduler.now() + 1000 * 2 ** failed);
              this.pending.set(key, value);
            } else {
              this.attempts.delete(key);
              if (!newer) {
                this.stats.failed++;
                this.o.onError?.(key, error);
              }
            }
          }
        },
      )
      .finally(() => {
        this.inFlight.delete(key);
        this.wake();
        this.settleQuiet();
      });
  }

  private schedule(at: number, now: number): void {
    if (at === Number.POSITIVE_INFINITY || at >= this.timerAt) return;
    this.cancelTimer?.();
    this.timerAt = at;
    this.cancelTimer = this.o.scheduler.after(Math.max(0, at - now), () => {
      this.cancelTimer = undefined;
      this.timerAt = Number.POSITIVE_INFINITY;
      this.pump();
    });
  }

  private settleQuiet(): void {
    if (this.inFlight.size > 0 || this.pumpQueued) return;
    for (const resolve of this.quietWaiters.splice(0)) resolve();
  }
}
