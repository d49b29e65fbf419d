/**
 * 200 sessions talking at once through the real desk to a loopback Slack, on simulated time:
 * chat.update stays within Slack's Tier 3 budget (at most 50 in any minute), chat.postMessage
 * within 1 a second per channel, every session's message ends at its final view (no update
 * lost), every alert reaches its thread exactly once, and a 429 pauses updates for its
 * Retry-After.
 */
import { describe, expect, it } from "vitest";
import { runSlackBurst } from "./slackBurst.js";

describe("Slack delivery under load", () => {
  it("keeps 200 sessions x 20 utterances within Slack's limits and loses no update", async () => {
    const r = await runSlackBurst({
      sessions: 200,
      utterancesPerSession: 20,
      everyMs: 3000,
      sharedChannelSessions: 100,
      perAgent: 5,
    });
    expect(r.views).toBeGreaterThanOrEqual(4000);
    expect(r.busiestUpdateMinute).toBeLessThanOrEqual(50);
    expect(r.busiestChannelSecond).toBeLessThanOrEqual(1);
    expect(r.busiestPostMinute).toBeLessThanOrEqual(240);
    expect(r.lost).toEqual([]);
    expect(r.posts.filter((p) => p.args.thread_ts !== undefined).length).toBeGreaterThan(0);
    expect(r.alertsMissing).toBe(0);
    expect(r.alertsTwice).toBe(0);
    // Coalesced: far fewer calls than views.
    expect(r.updates.length + r.posts.length).toBeLessThan(r.views / 4);
  }, 120_000);

  it("waits out a 429's Retry-After before the next chat.update, and still delivers every last view", async () => {
    const r = await runSlackBurst({
      sessions: 30,
      utterancesPerSession: 6,
      everyMs: 2000,
      sharedChannelSessions: 10,
      perAgent: 5,
      rateLimitUpdateAfter: { calls: 5, retryAfterSeconds: 30 },
    });
    expect(r.rateLimited).toBe(1);
    expect(r.pausedAt).toBeDefined();
    expect(r.resumedAt! - r.pausedAt!).toBeGreaterThanOrEqual(30_000);
    expect(r.lost).toEqual([]);
    expect(r.busiestUpdateMinute).toBeLessThanOrEqual(50);
  }, 60_000);
});
