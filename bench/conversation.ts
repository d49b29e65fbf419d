/**
 * bench/conversation: complete cancellation conversations per second in-process, with the demo
 * customers, the default policy packs, the memory store and no LLM; latency per turn (p50, p99).
 * Baseline in the same run: persisting the same turns straight to the store, without the bot.
 * Goal: each turn p99 under 5 ms.
 *
 *     node --import tsx bench/conversation.ts [--conversations 400]
 */
import { parseArgs } from "node:util";
import type { Turn as StoredTurn } from "../src/domain/conversation.js";
import { aCancellationBot } from "../test/bot/cancellationBot.js";
import { nextLine } from "../test/bot/simulatedCustomer.js";

const { values } = parseArgs({ options: { conversations: { type: "string", default: "400" } } });
const N = Number(values.conversations);

const bot = await aCancellationBot();
const customers = bot.demo.customers;
const turnTimes: number[] = [];
const recorded: { id: string; turns: StoredTurn[][] }[] = [];
let completed = 0;

async function converse(i: number, measure: boolean) {
  const customer = customers[i % customers.length]!;
  const id = `bench-${measure ? "m" : "w"}-${i}`;
  const batches: StoredTurn[][] = [];
  let seq = 0;
  let line: string | undefined = "Hi, I want to cancel";
  for (let guard = 0; line !== undefined && guard < 30; guard++) {
    const t0 = process.hrtime.bigint();
    const turn = await bot.engine.receive(id, line, { channel: "bench" });
    if (measure) turnTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const at = new Date().toISOString();
    batches.push([
      { seq: seq++, at, speaker: "customer", text: line },
      ...turn.messages.map((m) => ({ seq: seq++, at, speaker: "bot" as const, text: m.text })),
    ]);
    line = nextLine(turn, customer);
    if (turn.stage === "closed") completed++;
  }
  if (measure) recorded.push({ id, turns: batches });
}

for (let i = 0; i < 50; i++) await converse(i, false); // warm-up
completed = 0;
const start = process.hrtime.bigint();
for (let i = 0; i < N; i++) await converse(i, true);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

// Baseline: the same turns written to a fresh store without the bot.
const baseline = await aCancellationBot();
const baseTimes: number[] = [];
const baseStart = process.hrtime.bigint();
for (const c of recorded) {
  await baseline.store.conversations.create({
    id: c.id,
    channel: "bench",
    startedAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    state: {},
    turns: [],
  });
  for (const batch of c.turns) {
    const t0 = process.hrtime.bigint();
    await baseline.store.conversations.appendTurns(c.id, batch, { stage: "x" });
    baseTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
const baseSeconds = Number(process.hrtime.bigint() - baseStart) / 1e9;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;
const row = (name: string, count: number, secs: number, xs: number[]) =>
  `${name.padEnd(26)} ${(count / secs).toFixed(0).padStart(6)} conversations/s  ${(xs.length / secs)
    .toFixed(0)
    .padStart(6)} turns/s  p50 ${pct(xs, 0.5).toFixed(3)} ms  p99 ${pct(xs, 0.99).toFixed(3)} ms`;
process.stdout.write(
  `${N} conversations over ${customers.length} demo customers, ${completed} reached the end\n`,
);
process.stdout.write(`${row("FairExit bot", N, seconds, turnTimes)}\n`);
process.stdout.write(`${row("baseline: store writes only", N, baseSeconds, baseTimes)}\n`);
const p99 = pct(turnTimes, 0.99);
process.stdout.write(
  `turn p99 ${p99.toFixed(3)} ms (goal < 5 ms: ${p99 < 5 ? "met" : "NOT met"}); bot/baseline time per turn ${(
    pct(turnTimes, 0.5) / pct(baseTimes, 0.5)
  ).toFixed(1)}x at p50\n`,
);
