/**
 * A send budget as the platforms publish it: "at most `max` calls in any `perMs` window"
 * (Slack: chat.update about 50 a minute per workspace, chat.postMessage 1 a second per channel;
 * Teams: 7 a second and 60 per 30 seconds per conversation). A `SendBudget` keeps the times
 * of its last sends (a sliding-window log), so no window, wherever it starts, ever holds more
 * than `max` sends. Time is passed in: no clock inside.
 */

export interface RateWindow {
  max: number;
  perMs: number;
}

/** Refuses a budget that could never send (rules checked once, where the budget is made). */
export function checkWindows(windows: readonly RateWindow[]): readonly RateWindow[] {
  if (windows.length === 0) throw new TypeError("Invalid send budget: expected at least one window");
  for (const w of windows)
    if (!Number.isInteger(w.max) || w.max < 1 || !(w.perMs > 0))
      throw new TypeError(
        `Invalid send budget: expected a whole max >= 1 and perMs > 0, got max ${w.max} per ${w.perMs} ms`,
      );
  return windows;
}

export class SendBudget {
  private readonly windows: readonly RateWindow[];
  /** Send times, oldest first; never more than the largest `max`. */
  private readonly sent: number[] = [];
  private readonly keep: number;
  private pausedUntil = Number.NEGATIVE_INFINITY;

  constructor(windows: readonly RateWindow[]) {
    this.windows = checkWindows(windows);
    this.keep = Math.max(...windows.map((w) => w.max));
  }

  /** The earliest time at or after `now` when one more send stays within every window. */
  nextAt(now: number): number {
    let at = Math.max(now, this.pausedUntil);
    for (const w of this.windows) {
      if (this.sent.length < w.max) continue;
      // The w.max-th most recent send must have left the window.
      const oldest = this.sent[this.sent.length - w.max]!;
      at = Math.max(at, oldest + w.perMs);
    }
    return at;
  }

  /** Records a send at `now` (the caller checked `nextAt(now) <= now`). */
  take(now: number): void {
    this.sent.push(now);
    if (this.sent.length > this.keep) this.sent.splice(0, this.sent.length - this.keep);
  }

  /** The platform said "retry after": nothing is sent before `until`. */
  pause(until: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, until);
  }
}
