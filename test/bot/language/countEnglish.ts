/**
 * In N generated conversations of German and Swedish customers (the moving customer written to
 * in German or Swedish, see conversationGenerator.ts), how many of the texts the customer reads
 * (messages, card texts, quick replies) carry English words, amounts or dates (a figure for
 * reports, not a test):
 *
 *     node --import tsx test/bot/language/countEnglish.ts [--runs 100] [--seed 16]
 */
import { parseArgs } from "node:util";
import fc from "fast-check";
import { conversations, play } from "../flow/conversationGenerator.js";
import { notInLanguage, whatTheCustomerReads } from "./customerLanguage.js";

const { values } = parseArgs({
  options: { runs: { type: "string", default: "100" }, seed: { type: "string", default: "16" } },
});
const samples = fc.sample(
  conversations().filter((c) => c.lang !== "en"),
  { numRuns: Number(values.runs), seed: Number(values.seed) },
);
let read = 0;
let english = 0;
let withEnglish = 0;
for (const c of samples) {
  const p = await play(c);
  read += p.turns.reduce((n, t) => n + whatTheCustomerReads(t).length, 0);
  const found = notInLanguage(
    p.turns.map((t) => ({ ...t, language: c.lang })),
    c.lang,
  );
  english += found.length;
  if (found.length > 0) withEnglish++;
}
process.stdout.write(
  `${samples.length} German/Swedish conversations: ${english} of ${read} texts the customer read carry English; ${withEnglish} conversations have at least one\n`,
);
