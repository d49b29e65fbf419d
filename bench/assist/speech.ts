/**
 * bench/assist/speech: the speech checker alone, per utterance, on the tone development set
 * (test/fixtures/assist/agent-tone-dev.yaml): `checkSpeech` (speech patterns, wink-nlp and the
 * learned model) against `checkUtterance` (phrases and patterns only) as the baseline, in the
 * same run, one after the other on each text. Every check puts a different made-up name in
 * front of the text ("Elno, you'll have to …"), so no check meets a text seen before
 * (checkUtterance keeps the tone findings of texts it knows, and checkSpeech calls it). CPU time of this process per
 * call (process.cpuUsage), p50 and p99, and wall time.
 *
 *     node --import tsx bench/assist/speech.ts [--rounds 5]
 */
import { parseArgs } from "node:util";
import { checkSpeech, checkUtterance } from "../../src/guardrails/index.js";
import { defaultTone, repoFile } from "../../test/policies/utterance/support.js";
import { defaultSpeechModel, readToneSet } from "../../test/support/toneScore.js";
import { nameOf } from "./madeUpNames.js";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "5" } } });
const ROUNDS = Number(values.rounds);

const tone = defaultTone();
const speechModel = defaultSpeechModel();
const items = readToneSet(repoFile("test/fixtures/assist/agent-tone-dev.yaml"));

interface Times {
  cpu: number[];
  wall: number[];
}

/** Runs `f` once and records its CPU and wall time in milliseconds. */
function timed(times: Times, f: () => unknown): void {
  const c0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  f();
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  times.cpu.push((cpu.user + cpu.system) / 1000);
  times.wall.push(wall);
}

function run(round: number, measure: { utterance: Times; speech: Times } | undefined): void {
  const sink: Times = { cpu: [], wall: [] };
  for (const [n, item] of items.entries()) {
    // Two names, so checkSpeech does not meet the text checkUtterance has just seen (and cached).
    const said = `${item.text.charAt(0).toLowerCase()}${item.text.slice(1)}`;
    const at = 2 * (round * items.length + n);
    const ctx = { speaker: "agent" as const, lang: item.lang };
    timed(measure?.utterance ?? sink, () => checkUtterance({ tone }, `${nameOf(at)}, ${said}`, ctx));
    timed(measure?.speech ?? sink, () =>
      checkSpeech({ tone, speechModel }, `${nameOf(at + 1)}, ${said}`, ctx),
    );
  }
}

run(0, undefined); // warm-up: the wink-nlp model loads, the code gets compiled
const times = { utterance: { cpu: [], wall: [] } as Times, speech: { cpu: [], wall: [] } as Times };
const start = process.hrtime.bigint();
for (let r = 1; r <= ROUNDS; r++) run(r, times);
const seconds = Number(process.hrtime.bigint() - start) / 1e9;

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] as number;
const row = (name: string, xs: number[]) =>
  `${name.padEnd(28)} p50 ${pct(xs, 0.5).toFixed(3)} ms  p99 ${pct(xs, 0.99).toFixed(3)} ms  max ${Math.max(...xs).toFixed(3)} ms`;
process.stdout.write(
  [
    `${times.speech.cpu.length} utterances × 2 checks in ${seconds.toFixed(2)} s (${items.length} texts × ${ROUNDS} rounds)`,
    row("checkUtterance (CPU)", times.utterance.cpu),
    row("checkSpeech (CPU)", times.speech.cpu),
    row("checkUtterance (wall)", times.utterance.wall),
    row("checkSpeech (wall)", times.speech.wall),
    "",
  ].join("\n"),
);
