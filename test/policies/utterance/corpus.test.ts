/**
 * Scores the utterance checker on the labelled corpus (test/fixtures/utterances.yaml):
 * precision and recall over (utterance, category) pairs, for the development section, the
 * held-out section (written after the lexicons were frozen) and both together.
 *
 * Gates: the development section (the regression suite the lexicons are written against)
 * must keep precision and recall >= 0.9, and the whole corpus precision >= 0.9. Held-out
 * recall is printed, not gated: lexicons do not generalise to new phrasing (three held-out
 * rounds have each scored about 0.3), and gating it would only invite tuning on it.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { checkUtterance } from "../../../src/policies/utterance/checkUtterance.js";
import { CONTEXTS, defaultTone, repoFile } from "./support.js";

const Item = z.strictObject({
  id: z.string(),
  lang: z.enum(["en", "sv", "de"]),
  speaker: z.enum(["bot", "agent"]).default("bot"),
  context: z.string().optional(),
  expect: z.array(z.string()),
  text: z.string().min(1),
  note: z.string().optional(),
});
type Item = z.infer<typeof Item>;
const Corpus = z.strictObject({
  schemaVersion: z.literal(1),
  development: z.array(Item),
  heldOut: z.array(Item),
});

const corpus = Corpus.parse(parse(readFileSync(repoFile("test/fixtures/utterances.yaml"), "utf8")));

interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  misses: string[];
}

function score(items: Item[]): Score {
  const tone = defaultTone();
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const misses: string[] = [];
  for (const item of items) {
    const ctx = item.context === undefined ? {} : CONTEXTS[item.context];
    if (!ctx) throw new Error(`${item.id}: unknown context ${item.context}`);
    const found = new Set(
      checkUtterance({ tone }, item.text, { speaker: item.speaker, ...ctx }).map((f) => f.category),
    );
    const want = new Set(item.expect);
    for (const c of found) {
      if (want.has(c)) tp++;
      else {
        fp++;
        misses.push(`${item.id} false positive ${c}: ${item.text}`);
      }
    }
    for (const c of want) {
      if (!found.has(c)) {
        fn++;
        misses.push(`${item.id} missed ${c}: ${item.text}`);
      }
    }
  }
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return { tp, fp, fn, precision, recall, misses };
}

const report = (name: string, items: Item[], s: Score): void => {
  const violations = items.filter((i) => i.expect.length > 0).length;
  console.log(
    `${name}: ${items.length} utterances (${violations} violating, ${items.length - violations} fair) ` +
      `precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})` +
      (s.misses.length > 0 ? `\n  ${s.misses.join("\n  ")}` : ""),
  );
};

describe("utterance corpus", () => {
  const all = [...corpus.development, ...corpus.heldOut];

  it("is big enough, balanced and multilingual", () => {
    expect(all.length).toBeGreaterThanOrEqual(80);
    const violating = all.filter((i) => i.expect.length > 0).length;
    expect(violating / all.length).toBeGreaterThan(0.4);
    expect(violating / all.length).toBeLessThan(0.6);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (const lang of ["sv", "de"])
      expect(all.some((i) => i.lang === lang && i.expect.length > 0)).toBe(true);
  });

  it("covers every tone category", () => {
    const expected = new Set(all.flatMap((i) => i.expect));
    for (const c of defaultTone().categories) expect(expected.has(c.id), c.id).toBe(true);
  });

  it("scores at least 0.9 precision and recall on development, 0.9 precision overall", () => {
    const dev = score(corpus.development);
    const held = score(corpus.heldOut);
    const full = score(all);
    report("development", corpus.development, dev);
    report("held-out", corpus.heldOut, held);
    report("full", all, { ...full, misses: [] });
    expect(dev.precision).toBeGreaterThanOrEqual(0.9);
    expect(dev.recall).toBeGreaterThanOrEqual(0.9);
    expect(full.precision).toBeGreaterThanOrEqual(0.9);
  });
});
