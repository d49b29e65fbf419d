/**
 * bench/assist/slack: Slack Web API calls a minute while 200 agents are on calls at once.
 * The real desk hears every utterance (200 sessions x 20 utterances, one every 3 s per session,
 * 100 sessions in a shared channel, 100 in 20 agents' DMs); `SlackDelivery` coalesces the views
 * for a loopback Slack Web API that records each call at its simulated instant. Prints
 * chat.update and chat.postMessage calls a minute (each minute and the busiest 60 s window), the busiest
 * second of any channel, how long after the last utterance every message showed its final view,
 * and lost updates. Goal: chat.update <= 50 in any minute, postMessage <= 1 a second per channel,
 * 0 lost updates.
 *
 *     node --import tsx bench/assist/slack.ts [--sessions 200] [--utterances 20] [--every-ms 3000] [--shared 100]
 */
import { parseArgs } from "node:util";
import { busiestWindow } from "../../test/slack/manualScheduler.js";
import { runSlackBurst } from "../../test/slack/slackBurst.js";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "200" },
    utterances: { type: "string", default: "20" },
    "every-ms": { type: "string", default: "3000" },
    /** Sessions in the shared channel (SLACK_ASSIST_CHANNEL); the rest in agents' DMs, 5 each. */
    shared: { type: "string" },
  },
});
const sessions = Number(values.sessions);
const utterances = Number(values.utterances);
const everyMs = Number(values["every-ms"]);

const wall = performance.now();
const r = await runSlackBurst({
  sessions,
  utterancesPerSession: utterances,
  everyMs,
  sharedChannelSessions: values.shared === undefined ? Math.floor(sessions / 2) : Number(values.shared),
  perAgent: 5,
});
const wallMs = performance.now() - wall;

const minutes = r.durationMs / 60_000;
const threadReplies = r.posts.filter((p) => p.args.thread_ts !== undefined);
const firstPosts = r.posts.length - threadReplies.length;
const talkEnds = utterances * everyMs;
const lastCall = Math.max(...r.calls.map((c) => c.at));
/** Calls in each whole minute of simulated time: 0-60 s, 60-120 s, … */
const byMinute = (calls: readonly { at: number }[]) => {
  const counts = Array.from({ length: Math.ceil(minutes) || 1 }, () => 0);
  for (const c of calls) counts[Math.floor(c.at / 60_000)]!++;
  return counts.join(", ");
};

console.log(
  `bench/assist/slack: ${sessions} sessions x ${utterances} utterances (one every ${everyMs / 1000} s)`,
);
console.log(`  views produced by the desk       ${r.views}`);
console.log(
  `  simulated time to deliver all    ${(r.durationMs / 1000).toFixed(0)} s (talk ends at ${talkEnds / 1000} s; last call at ${(lastCall / 1000).toFixed(0)} s)`,
);
console.log(
  `  chat.update                      ${r.updates.length} calls; per minute ${byMinute(r.updates)}; busiest 60 s window ${r.busiestUpdateMinute} (budget 45, Slack Tier 3 ~50)`,
);
console.log(
  `  chat.postMessage                 ${r.posts.length} calls (${firstPosts} session messages, ${threadReplies.length} alert thread replies); per minute ${byMinute(r.posts)}; busiest 60 s window (budget 240) ${busiestWindow(
    r.posts.map((p) => p.at),
    60_000,
  )}`,
);
console.log(`  postMessage, busiest channel     ${r.busiestChannelSecond} in any second (limit 1)`);
console.log(
  `  Slack calls / views              ${((r.updates.length + r.posts.length) / r.views).toFixed(3)}`,
);
console.log(`  429 answers                      ${r.rateLimited}`);
console.log(
  `  lost updates                     ${r.lost.length} (sessions whose message does not show their final view)`,
);
console.log(`  alerts missing from threads      ${r.alertsMissing}; posted twice ${r.alertsTwice}`);
console.log(`  wall time                        ${(wallMs / 1000).toFixed(1)} s`);
const ok =
  r.busiestUpdateMinute <= 50 && r.busiestChannelSecond <= 1 && r.lost.length === 0 && r.alertsMissing === 0;
console.log(ok ? "  within budget, nothing lost" : "  OVER BUDGET OR LOST UPDATES");
process.exitCode = ok ? 0 : 1;
