/**
 * The coalescer on its own, with a recording sender and simulated time: bursts stay within
 * the budget, only the latest value of a key is sent, every key ends at its last value, a
 * 429 pauses the budget for its Retry-After, and a key is never sent twice at once.
 */
import { describe, expect, it } from "vitest";
import { SendBudget } from "../../src/channels/delivery/rateWindow.js";
import { RetryLater, UpdateCoalescer } from "../../src/channels/delivery/updateCoalescer.js";
import { busiestWindow, ManualScheduler } from "./manualScheduler.js";

interface Sent {
  key: string;
  value: number;
  at: number;
}

function harness(o: { perMinute?: number; fail?: (key: string, value: number, n: number) => unknown } = {}) {
  const clock = new ManualScheduler(0);
  const sent: Sent[] = [];
  const inFlight = new Set<string>();
  let overlaps = 0;
  let n = 0;
  const coalescer = new UpdateCoalescer<number>({
    scheduler: clock,
    budgetOf: () => "update",
    windowsOf: () => [{ max: o.perMinute ?? 50, perMs: 60_000 }],
    send: async (key, value) => {
      if (inFlight.has(key)) overlaps++;
      inFlight.add(key);
      await Promise.resolve();
      inFlight.delete(key);
      const failure = o.fail?.(key, value, n++);
      if (failure) throw failure;
      sent.push({ key, value, at: clock.now() });
    },
  });
  const drain = async () => {
    for (let i = 0; i < 100_000; i++) {
      await coalescer.quiet();
      if (!clock.runNext()) break;
    }
    await coalescer.quiet();
  };
  return { clock, sent, coalescer, drain, overlaps: () => overlaps };
}

describe("the update coalescer", () => {
  it("keeps 200 keys with 20 values each within 50 sends a minute, and sends every key's last value", async () => {
    const h = harness();
    for (let round = 1; round <= 20; round++) {
      for (let k = 0; k < 200; k++) h.coalescer.offer(`s${k}`, round);
      await h.coalescer.quiet();
      h.clock.advanceTo(round * 3000); // a new utterance in every session every 3 s
    }
    await h.drain();
    expect(
      busiestWindow(
        h.sent.map((s) => s.at),
        60_000,
      ),
    ).toBeLessThanOrEqual(50);
    const last = new Map(h.sent.map((s) => [s.key, s.value]));
    expect(last.size).toBe(200);
    expect([...last.values()].every((v) => v === 20)).toBe(true);
    // Coalesced: far fewer sends than the 4,000 values offered.
    expect(h.sent.length).toBeLessThan(4000 / 4);
    expect(h.coalescer.stats.replaced).toBeGreaterThan(3000);
    expect(h.overlaps()).toBe(0);
  });

  it("serves keys in the order they became due, so a busy key does not starve a quiet one", async () => {
    const h = harness({ perMinute: 1 });
    h.coalescer.offer("busy", 1);
    h.coalescer.offer("quiet", 1);
    await h.coalescer.quiet();
    h.coalescer.offer("busy", 2);
    h.coalescer.offer("busy", 3);
    await h.drain();
    expect(h.sent.map((s) => `${s.key}=${s.value}`)).toEqual(["busy=1", "quiet=1", "busy=3"]);
  });

  it("pauses the budget for the Retry-After of a 429 and sends the waiting value after it", async () => {
    const h = harness({ fail: (_k, _v, n) => (n === 0 ? new RetryLater(30_000) : undefined) });
    h.coalescer.offer("s1", 1);
    await h.coalescer.quiet();
    h.coalescer.offer("s2", 1);
    await h.drain();
    expect(h.sent.map((s) => s.key).sort()).toEqual(["s1", "s2"]);
    expect(Math.min(...h.sent.map((s) => s.at))).toBeGreaterThanOrEqual(30_000);
    expect(h.coalescer.stats.rateLimited).toBe(1);
  });

  it("tries a failed send again after 1 s and 2 s, so a passing network error loses nothing", async () => {
    const h = harness({ fail: (_k, _v, n) => (n < 2 ? new Error("socket hang up") : undefined) });
    h.coalescer.offer("s1", 7);
    await h.drain();
    expect(h.sent).toEqual([{ key: "s1", value: 7, at: 3000 }]);
    expect(h.coalescer.stats.failed).toBe(0);
  });

  it("gives up on a value after three retries and says so once", async () => {
    const errors: string[] = [];
    const clock = new ManualScheduler(0);
    let tries = 0;
    const coalescer = new UpdateCoalescer<number>({
      scheduler: clock,
      budgetOf: () => "update",
      windowsOf: () => [{ max: 50, perMs: 60_000 }],
      send: async () => {
        tries++;
        throw new Error("invalid_blocks");
      },
      onError: (key, e) => errors.push(`${key}: ${(e as Error).message}`),
    });
    coalescer.offer("s1", 1);
    for (let i = 0; i < 20; i++) {
      await coalescer.quiet();
      if (!clock.runNext()) break;
    }
    await coalescer.quiet();
    expect(tries).toBe(4);
    expect(errors).toEqual(["s1: invalid_blocks"]);
  });

  it("refuses a budget that could never send", () => {
    expect(() => new SendBudget([{ max: 0, perMs: 1000 }])).toThrow(/expected a whole max >= 1/);
    expect(() => new SendBudget([])).toThrow(/at least one window/);
  });
});
