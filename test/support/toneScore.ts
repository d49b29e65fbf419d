/**
 * Scores a tone checker on a labelled set of utterances (YAML `{items: [{text, label, lang}]}`,
 * label guilt | confirmshaming | pressure | obstruction | condescension | blame | fair):
 * - detected: an item is flagged when any tone finding fires on it;
 * - category-correct: a problem item counts only when a finding of its own category fires.
 * Precision = flagged problems / all flagged items; recall = flagged problems / all problems.
 */
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { z } from "zod";
import { type Finding, type LoadedSpeechModel, readSpeechModel } from "../../src/guardrails/index.js";

export const ToneLabel = z.enum([
  "guilt",
  "confirmshaming",
  "pressure",
  "obstruction",
  "condescension",
  "blame",
  "fair",
]);
export type ToneLabel = z.infer<typeof ToneLabel>;

/** The tone category (policies/tone/default-tone.yaml) each problem label stands for. */
export const CATEGORY_OF: Record<Exclude<ToneLabel, "fair">, string> = {
  guilt: "guilt_tripping",
  confirmshaming: "confirmshaming",
  pressure: "pressure_false_urgency",
  obstruction: "obstruction",
  condescension: "condescension",
  blame: "blame",
};

export const ToneItem = z.looseObject({
  text: z.string().min(1),
  label: ToneLabel,
  lang: z.string().min(2).default("en"),
});
export type ToneItem = z.output<typeof ToneItem>;
export const ToneSet = z.looseObject({ items: z.array(ToneItem).min(1) });

/** Reads and validates a labelled set; a bad item is reported with its index and field. */
export function readToneSet(path: string): ToneItem[] {
  const parsed = ToneSet.safeParse(parse(readFileSync(path, "utf8")));
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return parsed.data.items;
}

let speechModel: LoadedSpeechModel | undefined;

/**
 * The committed tone model (`policies/tone/speech-model.json`), validated and cached: pass it
 * as `checkSpeech({ tone, speechModel: defaultSpeechModel() }, …)` to score with the model on.
 */
export function defaultSpeechModel(): LoadedSpeechModel {
  speechModel ??= readSpeechModel(
    JSON.parse(readFileSync(new URL("../../policies/tone/speech-model.json", import.meta.url), "utf8")),
    "policies/tone/speech-model.json",
  );
  return speechModel;
}

export interface Figures {
  precision: number;
  recall: number;
}

export interface ToneScore {
  /** Any tone finding counts. */
  detected: Figures;
  /** Only a finding of the item's own category counts for a problem item. */
  categoryCorrect: Figures;
  perLabel: Record<string, { items: number; detected: number; categoryCorrect: number }>;
  /** Fair items that were flagged, with what fired. */
  falseAlerts: { text: string; fired: string[] }[];
  /** Problem items nothing fired on (or, in `wrongCategory`, only another category). */
  missed: { label: string; text: string }[];
  wrongCategory: { label: string; text: string; fired: string[] }[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

/** Runs `check` on every item and counts. */
export function scoreTone(items: readonly ToneItem[], check: (item: ToneItem) => Finding[]): ToneScore {
  let flaggedProblems = 0;
  let correctProblems = 0;
  let flaggedFair = 0;
  let problems = 0;
  const perLabel: ToneScore["perLabel"] = {};
  const falseAlerts: ToneScore["falseAlerts"] = [];
  const missed: ToneScore["missed"] = [];
  const wrongCategory: ToneScore["wrongCategory"] = [];
  for (const item of items) {
    const tone = check(item).filter((f) => f.kind === "tone");
    const fired = tone.map((f) => `${f.ruleId} "${f.span.text}"`);
    const row = perLabel[item.label] ?? { items: 0, detected: 0, categoryCorrect: 0 };
    perLabel[item.label] = row;
    row.items++;
    if (tone.length > 0) row.detected++;
    if (item.label === "fair") {
      if (tone.length > 0) {
        flaggedFair++;
        falseAlerts.push({ text: item.text, fired });
      }
      continue;
    }
    problems++;
    const correct = tone.some((f) => f.category === CATEGORY_OF[item.label as Exclude<ToneLabel, "fair">]);
    if (tone.length > 0) flaggedProblems++;
    else missed.push({ label: item.label, text: item.text });
    if (correct) {
      correctProblems++;
      row.categoryCorrect++;
    } else if (tone.length > 0) wrongCategory.push({ label: item.label, text: item.text, fired });
  }
  const flagged = flaggedProblems + flaggedFair;
  return {
    detected: { precision: ratio(flaggedProblems, flagged), recall: ratio(flaggedProblems, problems) },
    categoryCorrect: { precision: ratio(correctProblems, flagged), recall: ratio(correctProblems, problems) },
    perLabel,
    falseAlerts,
    missed,
    wrongCategory,
  };
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** The score as a few readable lines (figures, per label, false alerts, misses). */
export function formatScore(name: string, s: ToneScore, details = true): string {
  const lines = [
    `${name}: detected precision ${pct(s.detected.precision)} recall ${pct(s.detected.recall)}; category-correct precision ${pct(s.categoryCorrect.precision)} recall ${pct(s.categoryCorrect.recall)}`,
    ...Object.entries(s.perLabel).map(
      ([label, r]) =>
        `  ${label.padEnd(15)} ${r.items} items, flagged ${r.detected}, right category ${r.categoryCorrect}`,
    ),
  ];
  if (details) {
    for (const f of s.falseAlerts) lines.push(`  FALSE ALERT: ${f.text} <- ${f.fired.join(", ")}`);
    for (const m of s.missed) lines.push(`  missed (${m.label}): ${m.text}`);
    for (const w of s.wrongCategory)
      lines.push(`  other category (${w.label}): ${w.text} <- ${w.fired.join(", ")}`);
  }
  return lines.join("\n");
}
