/**
 * Many sessions talking at once, delivered to a loopback Slack on simulated time: the real
 * desk hears every utterance, `SlackDelivery` coalesces the views, the fake Slack Web API records
 * each call at the simulated instant it arrived. Shared by the coalescing test and
 * `bench/assist/slack.ts`.
 */

import { createSlackAssist } from "../../src/adapters/slack/slackAssist.js";
import { type App, createApp } from "../../src/app.js";
import { loadConfig } from "../../src/config.js";
import { repoRoot } from "../support/runFairexit.js";
import { type FakeSlackApi, type SlackCall, startFakeSlackApi } from "./fakeSlackApi.js";
import { busiestWindow, ManualScheduler } from "./manualScheduler.js";

const CUSTOMERS = [
  "UK318826",
  "SE204718",
  "UK104552",
  "UK550913",
  "DE730415",
  "UK627340",
  "UK481207",
  "SE100937",
];

/** What the agents and customers say, round by round (an alert every few rounds). */
function line(round: number): { speaker: "agent" | "customer"; text: string } {
  const lines = [
    { speaker: "customer" as const, text: "Hi, I want to cancel my contract." },
    { speaker: "agent" as const, text: "Of course, let me look at your account." },
    { speaker: "customer" as const, text: "How much will it cost me to leave?" },
    { speaker: "agent" as const, text: "What did you expect? I'll cancel it now." },
    { speaker: "customer" as const, text: "And my phone, is it locked?" },
  ];
  return lines[(round - 1) % lines.length]!;
}

export interface BurstOptions {
  sessions: number;
  utterancesPerSession: number;
  /** Simulated time between two utterances of a session. */
  everyMs: number;
  /** Sessions in the shared channel; the rest are spread over agent DMs, `perAgent` each. */
  sharedChannelSessions: number;
  perAgent: number;
  /** Answer the n-th chat.update with 429 and this Retry-After (seconds). */
  rateLimitUpdateAfter?: { calls: number; retryAfterSeconds: number };
}

export interface BurstResult {
  durationMs: number;
  calls: SlackCall[];
  updates: SlackCall[];
  posts: SlackCall[];
  /** Most chat.update calls in any 60 s window. */
  busiestUpdateMinute: number;
  /** Most chat.postMessage calls in any 60 s window, all channels. */
  busiestPostMinute: number;
  /** Most chat.postMessage calls in any 1 s window, per channel, the worst channel. */
  busiestChannelSecond: number;
  /** Sessions whose last Slack message is not their final view version. */
  lost: string[];
  /** Alerts (not dismissed) of the final views never posted to their thread, and any posted twice. */
  alertsMissing: number;
  alertsTwice: number;
  views: number;
  rateLimited: number;
  /** When the 429 answer was given (simulated ms), and the first chat.update after it. */
  pausedAt?: number;
  resumedAt?: number;
}

export async function runSlackBurst(o: BurstOptions): Promise<BurstResult> {
  const scheduler = new ManualScheduler(0);
  const slack: FakeSlackApi = await startFakeSlackApi(() => scheduler.now());
  const config = loadConfig(
    {
      FAIREXIT_STORE: "memory",
      LOG_LEVEL: "silent",
      FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
      FAIREXIT_SECRET: "test-secret-for-the-slack-burst",
    },
    repoRoot,
  );
  const app: App = await createApp(config);
  const slackAssist = createSlackAssist(
    {
      signingSecret: "unused-signing-secret-0123456789",
      botToken: "xoxb-burst",
      botId: "B0BOT",
      botUserId: "U0BOT",
      assistChannel: "C0SHARED",
      apiUrl: slack.apiUrl,
    },
    { desk: app.assist, logger: app.logger, scheduler },
  );
  let views = 0;
  app.assist.subscribe(() => views++);
  if (o.rateLimitUpdateAfter) {
    const { calls, retryAfterSeconds } = o.rateLimitUpdateAfter;
    const before = slack.until(() => slack.callsOf("chat.update").length >= calls, "updates before the 429");
    void before.then(() => slack.rateLimit("chat.update", retryAfterSeconds, 1));
  }
  try {
    const ids = Array.from({ length: o.sessions }, (_, i) => `burst-${i}`);
    ids.forEach((id, i) => {
      if (i >= o.sharedChannelSessions) {
        const agent = Math.floor((i - o.sharedChannelSessions) / o.perAgent);
        slackAssist.delivery.place(id, `D0AGENT${agent}`, `U0AGENT${agent}`);
      }
    });
    const start = Date.parse("2026-11-23T10:00:00Z");
    for (let round = 1; round <= o.utterancesPerSession; round++) {
      const said = line(round);
      await Promise.all(
        ids.map((sessionId, i) =>
          app.assist.hear({
            sessionId,
            utteranceId: `u${round}`,
            customerId: CUSTOMERS[i % CUSTOMERS.length],
            speaker: said.speaker,
            text: said.text,
            at: new Date(start + round * o.everyMs).toISOString(),
            final: true,
            source: "events",
          }),
        ),
      );
      await slackAssist.delivery.quiet();
      // Timer by timer, so each call reaches the fake at the simulated instant it was made.
      for (
        let due = scheduler.nextDue;
        due !== undefined && due <= round * o.everyMs;
        due = scheduler.nextDue
      ) {
        scheduler.runNext();
        await slackAssist.delivery.quiet();
      }
      scheduler.advanceTo(round * o.everyMs);
      await slackAssist.delivery.quiet();
    }
    // Let delivery catch up on simulated time, timer by timer.
    for (let i = 0; i < 1_000_000; i++) {
      await slackAssist.delivery.quiet();
      if (!scheduler.runNext()) break;
    }
    await slackAssist.delivery.quiet();

    const calls = [...slack.calls];
    const updates = calls.filter((c) => c.method === "chat.update");
    const posts = calls.filter((c) => c.method === "chat.postMessage");
    const byChannel = new Map<string, number[]>();
    for (const p of posts) {
      const ch = String(p.args.channel);
      byChannel.set(ch, [...(byChannel.get(ch) ?? []), p.at]);
    }
    const lastVersion = new Map<string, number>();
    for (const c of [...posts, ...updates].sort((a, b) => a.at - b.at)) {
      const meta = (c.args.metadata as { event_payload?: { sessionId: string; version: number } } | undefined)
        ?.event_payload;
      if (meta && c.args.thread_ts === undefined) lastVersion.set(meta.sessionId, meta.version);
    }
    const lost = ids.filter((id) => lastVersion.get(id) !== app.assist.view(id)?.version);
    // Alert ids are per utterance: count them per thread (per session message).
    const messageTs = new Map<string, string>();
    for (const p of posts) {
      const meta = (p.args.metadata as { event_payload?: { sessionId: string } } | undefined)?.event_payload;
      if (meta && p.args.thread_ts === undefined && p.ts) messageTs.set(meta.sessionId, p.ts);
    }
    const threaded = new Map<string, number>();
    for (const p of posts.filter((c) => c.args.thread_ts !== undefined))
      for (const b of p.args.blocks as { block_id?: string }[])
        if (b.block_id?.startsWith("alert:")) {
          const key = `${String(p.args.thread_ts)}|${b.block_id}`;
          threaded.set(key, (threaded.get(key) ?? 0) + 1);
        }
    let alertsMissing = 0;
    for (const id of ids)
      for (const a of app.assist.view(id)?.alerts ?? [])
        if (!a.dismissed && !threaded.has(`${messageTs.get(id)}|${`alert:${a.id}`.slice(0, 255)}`))
          alertsMissing++;
    const limited = calls.find((c) => c.method === "chat.update:429");
    return {
      durationMs: scheduler.now(),
      calls,
      updates,
      posts,
      busiestUpdateMinute: busiestWindow(
        updates.map((u) => u.at),
        60_000,
      ),
      busiestPostMinute: busiestWindow(
        posts.map((p) => p.at),
        60_000,
      ),
      busiestChannelSecond: Math.max(0, ...[...byChannel.values()].map((t) => busiestWindow(t, 1000))),
      lost,
      alertsMissing,
      alertsTwice: [...threaded.values()].filter((n) => n > 1).length,
      views,
      rateLimited: calls.filter((c) => c.method.endsWith(":429")).length,
      pausedAt: limited?.at,
      // The first chat.update made after the 429 was answered (those already in flight arrive at the same instant).
      resumedAt: limited ? updates.find((u) => u.at > limited.at)?.at : undefined,
    };
  } finally {
    slackAssist.close();
    await app.close();
    await slack.close();
  }
}
