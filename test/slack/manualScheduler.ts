/**
 * Simulated time for the coalescer: timers fire only when the test advances the clock, so
 * twenty minutes of rate-limited delivery run in milliseconds and nothing depends on the
 * machine's speed.
 */
import type { Scheduler } from "../../src/channels/delivery/updateCoalescer.js";

export class ManualScheduler implements Scheduler {
  private t: number;
  private timers: { at: number; run: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(start = 0) {
    this.t = start;
  }

  now(): number {
    return this.t;
  }

  after(ms: number, run: () => void): () => void {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, run, id });
    return () => {
      this.timers = this.timers.filter((timer) => timer.id !== id);
    };
  }

  /** When the next timer is due; undefined when none waits. */
  get nextDue(): number | undefined {
    return this.timers.length === 0 ? undefined : Math.min(...this.timers.map((x) => x.at));
  }

  /** Moves the clock to `at` (not backwards) and runs the timers due by then, in order. */
  advanceTo(at: number): void {
    for (;;) {
      const due = this.timers.filter((x) => x.at <= at).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.run();
    }
    this.t = Math.max(this.t, at);
  }

  /** Runs the next timer (moving the clock to it); false when none waits. */
  runNext(): boolean {
    const due = this.nextDue;
    if (due === undefined) return false;
    this.advanceTo(due);
    return true;
  }
}

/** The most sends of `times` (sorted or not) inside any window of `perMs`. */
export function busiestWindow(times: readonly number[], perMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while (sorted[end]! - sorted[start]! >= perMs) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
