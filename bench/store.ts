/**
 * bench/store: the cost of writing one conversation turn to the embedded (lowdb) store with
 * 100 and with 100,000 conversations already stored, measured in the same run, alternating
 * rounds so both sizes see the same machine load. Goal: ratio >= 0.9 (flat).
 *
 *     node --import tsx bench/store.ts [--large 100000] [--rounds 6] [--turns 200]
 */
import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openLowdbStore } from "../src/adapters/lowdb/lowdbStore.js";
import type { Conversation } from "../src/domain/conversation.js";
import type { Store } from "../src/domain/ports.js";

const { values } = parseArgs({
  options: {
    small: { type: "string", default: "100" },
    large: { type: "string", default: "100000" },
    rounds: { type: "string", default: "6" },
    turns: { type: "string", default: "200" },
  },
});
const SMALL = Number(values.small);
const LARGE = Number(values.large);
const ROUNDS = Number(values.rounds);
const TURNS = Number(values.turns);
const TURNS_PER_CONVERSATION = 10;

const stamp = "2026-11-23T10:00:00.000Z";
const sampleTurns = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    seq: i,
    at: stamp,
    speaker: i % 2 === 0 ? ("customer" as const) : ("bot" as const),
    text:
      i % 2 === 0
        ? "I'd like to cancel my broadband, we're moving."
        : "I can help with that. What's your postcode?",
  }));

/** Writes `n` stored conversations (8 turns each) straight into the folder layout the store reads. */
async function seed(dir: string, n: number) {
  const convDir = join(dir, "conversations");
  for (let s = 0; s < 256; s++)
    await mkdir(join(convDir, s.toString(16).padStart(2, "0")), { recursive: true });
  const turns = sampleTurns(8);
  const batch: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const id = `seeded-${i}`;
    const shard = createHash("sha1").update(id).digest("hex").slice(0, 2);
    const c: Conversation = {
      id,
      customerId: `cust-${i % 500}`,
      channel: "webchat",
      startedAt: stamp,
      updatedAt: stamp,
      state: { stage: "review", ledger: { discharged: ["unlock", "porting"] } },
      turns,
    };
    batch.push(writeFile(join(convDir, shard, `${id}.json`), JSON.stringify(c, null, 2)));
    if (batch.length === 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
}

let counter = 0;
/** Writes `turns` turns, TURNS_PER_CONVERSATION to each new conversation; returns ms per turn. */
async function writeTurns(store: Store, turns: number): Promise<number[]> {
  const times: number[] = [];
  const script = sampleTurns(TURNS_PER_CONVERSATION);
  for (let written = 0; written < turns; ) {
    const id = `bench-${counter++}`;
    await store.conversations.create({
      id,
      channel: "webchat",
      startedAt: stamp,
      updatedAt: stamp,
      state: { stage: "greet" },
      turns: [],
    });
    for (const t of script) {
      const start = process.hrtime.bigint();
      await store.conversations.appendTurn(id, t, { stage: "identify", seq: t.seq });
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      written++;
    }
  }
  return times;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

const root = await mkdtemp(join(tmpdir(), "fairexit-bench-store-"));
try {
  const dirs = { small: join(root, "small"), large: join(root, "large") };
  let t0 = Date.now();
  await seed(dirs.small, SMALL);
  await seed(dirs.large, LARGE);
  process.stdout.write(
    `seeded ${SMALL} and ${LARGE} conversations in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`,
  );
  t0 = Date.now();
  const small = await openLowdbStore(dirs.small);
  const large = await openLowdbStore(dirs.large);
  process.stdout.write(`opened both stores in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  if ((await large.conversations.count()) !== LARGE) throw new Error("seeding failed");

  await writeTurns(small, 50); // warm-up
  await writeTurns(large, 50);
  const samples = { small: [] as number[], large: [] as number[] };
  for (let r = 0; r < ROUNDS; r++) {
    const [first, second] = r % 2 === 0 ? (["small", "large"] as const) : (["large", "small"] as const);
    samples[first].push(...(await writeTurns(first === "small" ? small : large, TURNS)));
    samples[second].push(...(await writeTurns(second === "small" ? small : large, TURNS)));
  }
  await small.close();
  await large.close();

  const row = (name: string, n: number, xs: number[]) =>
    `${name.padEnd(8)} ${String(n).padStart(7)} stored  median ${median(xs).toFixed(3)} ms/turn  p99 ${pct(xs, 0.99).toFixed(3)} ms  (${xs.length} turns)`;
  process.stdout.write(`${row("small", SMALL, samples.small)}\n${row("large", LARGE, samples.large)}\n`);
  const ratio = median(samples.small) / median(samples.large);
  process.stdout.write(
    `ratio (turn cost with ${SMALL} / with ${LARGE}): ${ratio.toFixed(2)}  goal >= 0.90: ${ratio >= 0.9 ? "met" : "NOT met"}\n`,
  );
} finally {
  await rm(root, { recursive: true, force: true });
}
