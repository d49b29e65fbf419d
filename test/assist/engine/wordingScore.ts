/**
 * Scores the checklist matcher on a labelled list of agent utterances
 * (test/fixtures/assist/checklist-wording*.yaml): for each utterance, the topics it ticks
 * against the topics it should tick; precision and recall of ticks, in all and per language.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { knownTopics, states } from "../../../src/assist/obligationConcepts.js";
import type { Obligation } from "../../../src/domain/decision.js";

const Labelled = z.array(
  z.strictObject({
    lang: z.enum(["en", "de", "sv"]),
    topics: z.array(z.string()),
    said: z.string().min(1),
  }),
);
export type Labelled = z.infer<typeof Labelled>[number];

const LOCALE = { en: "en-GB", de: "de-DE", sv: "sv-SE" } as const;

/** An obligation of `topic` whose message is never said verbatim: only free wording counts. */
const ob = (topic: string): Obligation => ({
  id: topic,
  ruleId: topic,
  topic,
  before: "confirm",
  message: "(the policy's message, never said verbatim here)",
  serviceIds: ["svc-1"],
});

export function readLabelled(name: string): Labelled[] {
  const file = new URL(`../../fixtures/assist/${name}`, import.meta.url);
  return Labelled.parse(parse(readFileSync(file, "utf8")));
}

export interface Score {
  utterances: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
  /** Each wrong tick and each miss, for the report. */
  mistakes: string[];
}

export function score(list: readonly Labelled[]): Score {
  const topics = knownTopics("en");
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const mistakes: string[] = [];
  for (const item of list) {
    const ticked = topics.filter((t) => states(ob(t), item.said, LOCALE[item.lang]));
    for (const t of ticked)
      if (item.topics.includes(t)) tp++;
      else {
        fp++;
        mistakes.push(`wrong tick ${t}: ${item.said}`);
      }
    for (const t of item.topics)
      if (!ticked.includes(t)) {
        fn++;
        mistakes.push(`missed ${t}: ${item.said}`);
      }
  }
  return {
    utterances: list.length,
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    mistakes,
  };
}

export const byLanguage = (list: readonly Labelled[]) =>
  Object.fromEntries(
    (["en", "de", "sv"] as const).map((lang) => [lang, score(list.filter((i) => i.lang === lang))]),
  );

export const summary = (s: Score) =>
  `${s.utterances} utterances: precision ${s.precision.toFixed(3)} (${s.falsePositives} wrong ticks), recall ${s.recall.toFixed(3)} (${s.truePositives}/${s.truePositives + s.falseNegatives})`;
