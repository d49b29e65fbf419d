/**
 * How many generated conversations of the moving customer end differently from the canonical
 * one, and how (a figure for reports, not a test):
 *
 *     node --import tsx test/bot/flow/countDifferences.ts [--runs 300] [--seed 16] [--show 2]
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { CANONICAL, conversations, differences, play } from "./conversationGenerator.js";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "300" },
    seed: { type: "string", default: "16" },
    show: { type: "string", default: "0" },
  },
});
const canonical = await play(CANONICAL);
const samples = fc.sample(conversations(), { numRuns: Number(values.runs), seed: Number(values.seed) });
const kinds = new Map<string, number>();
let failed = 0;
let shown = 0;
for (const c of samples) {
  const p = await play(c);
  const d = differences(p, canonical);
  if (d.length === 0) continue;
  failed++;
  for (const k of d) {
    const key = k.replace(/\d[\d,]*/g, "N");
    kinds.set(key, (kinds.get(key) ?? 0) + 1);
  }
  if (shown++ < Number(values.show)) process.stdout.write(`${d.join("; ")}\n${p.transcript.join("\n")}\n\n`);
}
process.stdout.write(`${samples.length} conversations, ${failed} differ from the canonical outcome\n`);
for (const [k, n] of [...kinds].sort((a, b) => b[1] - a[1])) process.stdout.write(`  ${n}\t${k}\n`);
