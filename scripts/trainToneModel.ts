/**
 * Trains the tone model for agent speech (src/guardrails/speech/speechModel.ts) on the
 * development set and the second training set (TRAINING_SETS) and writes it as data to `policies/tone/speech-model.json`:
 * multinomial logistic regression over hashed sparse features, plain SGD with a fixed seed
 * (deterministic: the same set gives the same file). The threshold on 1 − p(fair) is chosen by
 * stratified 5-fold cross-validation so that the cross-validated precision is >= 0.95 (the training
 * sets hold many deliberately hard fair items, so precision on a held-out set has come out higher
 * than under cross-validation: 97.8% against 95.0% on held-out set 2 when the settings were chosen).
 *
 *   npm run train:tone                 # train, write the model, print the CV figures
 *   npm run train:tone -- --check      # train and compare with the committed file (exit 1 if different)
 *   npm run train:tone -- --tune       # also print a small grid of settings under CV
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";
import { z } from "zod";
import { lemmatise } from "../src/guardrails/speech/lemmatise.js";
import {
  type FeatureSettings,
  type SparseVector,
  speechFeatures,
} from "../src/guardrails/speech/speechFeatures.js";
import type { SpeechModelData } from "../src/guardrails/speech/speechModel.js";

export const DEV_SET = "test/fixtures/assist/agent-tone-dev.yaml";
/**
 * What the model trains on: the development set the patterns are tuned on; a second set in
 * spoken style; a third (English, German, Swedish, 600 each) and a fourth (long turns, short and
 * noisy turns, the boundary between fair and subtle unfair; 480 each, a third per language), each
 * by a writer who saw neither the patterns, the model nor any other set; and the two earlier
 * held-out sets, which have been scored once each and are training data now (the current
 * held-out set is agent-tone-heldout3.yaml, written after this list and the settings were frozen).
 * The settings were chosen on held-out set 2 before it joined the list.
 */
export const TRAINING_SETS = [
  DEV_SET,
  "test/fixtures/assist/agent-tone-train2.yaml",
  "test/fixtures/assist/agent-tone-heldout.yaml",
  "test/fixtures/assist/agent-tone-heldout2.yaml",
  "test/fixtures/assist/agent-tone-train3-en.yaml",
  "test/fixtures/assist/agent-tone-train3-de.yaml",
  "test/fixtures/assist/agent-tone-train3-sv.yaml",
  "test/fixtures/assist/agent-tone-train4-long.yaml",
  "test/fixtures/assist/agent-tone-train4-short.yaml",
  "test/fixtures/assist/agent-tone-train4-subtle.yaml",
] as const;
export const MODEL_FILE = "policies/tone/speech-model.json";
export const repoPath = (p: string): string => fileURLToPath(new URL(`../${p}`, import.meta.url));

/** Labels of the set -> tone category ids (policies/tone/default-tone.yaml). */
export const CLASS_OF = {
  fair: "fair",
  guilt: "guilt_tripping",
  confirmshaming: "confirmshaming",
  pressure: "pressure_false_urgency",
  obstruction: "obstruction",
  condescension: "condescension",
  blame: "blame",
} as const;
const CLASSES = Object.values(CLASS_OF);

const Item = z.object({
  text: z.string().min(1),
  label: z.enum(Object.keys(CLASS_OF) as [keyof typeof CLASS_OF]),
  lang: z.string().min(2).default("en"),
});
export type LabelledItem = z.output<typeof Item>;

export interface TrainSettings {
  features: FeatureSettings;
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Features seen in fewer training utterances than this get no weight (keeps the file small). */
  minDf: number;
  folds: number;
  targetPrecision: number;
}

export const SETTINGS: TrainSettings = {
  features: { hashBits: 18, charWeight: 0.5, charMin: 3, charMax: 5 },
  epochs: 60,
  learningRate: 0.5,
  l2: 1e-5,
  seed: 20261206,
  minDf: 2,
  folds: 5,
  targetPrecision: 0.95,
};

/** The set's text and its items (validated; a bad item is named by index and field). */
export function readDevSet(path = repoPath(DEV_SET)): { text: string; items: LabelledItem[] } {
  const text = readFileSync(path, "utf8");
  const parsed = z.object({ items: z.array(Item).min(1) }).safeParse(parse(text));
  if (!parsed.success)
    throw new Error(
      `${path}: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return { text, items: parsed.data.items };
}

export const sha256 = (text: string): string => createHash("sha256").update(text).digest("hex");

/** Every training set, in order: their texts joined (what the model file's hash is of) and their items. */
export function readTrainingSets(): { text: string; items: LabelledItem[] } {
  const sets = TRAINING_SETS.map((file) => readDevSet(repoPath(file)));
  return { text: sets.map((x) => x.text).join("\n"), items: sets.flatMap((x) => x.items) };
}

/** mulberry32: a small seeded generator, so shuffles are the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffled<T>(xs: readonly T[], next: () => number): T[] {
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

export interface Example {
  x: SparseVector;
  y: number;
}

export const featurise = (items: readonly LabelledItem[], f: FeatureSettings): Example[] =>
  items.map((i) => ({
    x: speechFeatures(lemmatise(i.text, i.lang), i.text, i.lang, f),
    y: CLASSES.indexOf(CLASS_OF[i.label]),
  }));

export interface Weights {
  w: Float64Array;
  b: Float64Array;
}

/**
 * Drops the slots seen in fewer than `minDf` of `examples` (no re-scaling, so inference, which
 * has no weight for them, sees the same vector).
 */
export function pruneRare(examples: readonly Example[], minDf: number): Example[] {
  const df = new Map<number, number>();
  for (const e of examples) for (const i of e.x.index) df.set(i, (df.get(i) ?? 0) + 1);
  return examples.map((e) => {
    const index: number[] = [];
    const value: number[] = [];
    e.x.index.forEach((i, n) => {
      if ((df.get(i) ?? 0) < minDf) return;
      index.push(i);
      value.push(e.x.value[n] as number);
    });
    return { x: { index, value }, y: e.y };
  });
}

/**
 * Multinomial logistic regression by SGD with L2 (weights kept as scale × w, so decay is O(1)),
 * over the features of at least `minDf` examples.
 */
export function train(all: readonly Example[], s: TrainSettings, k = CLASSES.length): Weights {
  const examples = pruneRare(all, s.minDf);
  const w = new Float64Array(2 ** s.features.hashBits * k);
  const b = new Float64Array(k);
  const next = random(s.seed);
  let scale = 1;
  let t = 0;
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < s.epochs; epoch++) {
    for (const e of shuffled(examples, next)) {
      const eta = s.learningRate / (1 + s.learningRate * s.l2 * t++);
      for (let c = 0; c < k; c++) p[c] = b[c] as number;
      for (let i = 0; i < e.x.index.length; i++) {
        const at = (e.x.index[i] as number) * k;
        const v = (e.x.value[i] as number) * scale;
        for (let c = 0; c < k; c++) p[c] = (p[c] as number) + v * (w[at + c] as number);
      }
      let max = -Infinity;
      for (let c = 0; c < k; c++) max = Math.max(max, p[c] as number);
      let sum = 0;
      for (let c = 0; c < k; c++) {
        p[c] = Math.exp((p[c] as number) - max);
        sum += p[c] as number;
      }
      for (let c = 0; c < k; c++) p[c] = (p[c] as number) / sum - (c === e.y ? 1 : 0);
      scale *= 1 - eta * s.l2;
      for (let i = 0; i < e.x.index.length; i++) {
        const at = (e.x.index[i] as number) * k;
        const v = ((e.x.value[i] as number) * eta) / scale;
        for (let c = 0; c < k; c++) w[at + c] = (w[at + c] as number) - v * (p[c] as number);
      }
      for (let c = 0; c < k; c++) b[c] = (b[c] as number) - eta * (p[c] as number);
      if (scale < 1e-6) {
        for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
        scale = 1;
      }
    }
  }
  for (let j = 0; j < w.length; j++) w[j] = (w[j] as number) * scale;
  return { w, b };
}

/** Class probabilities of `x` under `m`. */
export function probabilities(m: Weights, x: SparseVector): number[] {
  const k = m.b.length;
  const z = Array.from(m.b);
  for (let i = 0; i < x.index.length; i++) {
    const at = (x.index[i] as number) * k;
    for (let c = 0; c < k; c++) z[c] = (z[c] as number) + (x.value[i] as number) * (m.w[at + c] as number);
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, v) => a + v, 0);
  return e.map((v) => v / sum);
}

/** Out-of-fold class probabilities for every example (stratified folds, fixed seed). */
export function crossValidate(
  examples: readonly Example[],
  s: TrainSettings,
  fitFold: (train: Example[]) => (x: SparseVector) => number[] = (t) => {
    const m = train(t, s);
    return (x) => probabilities(m, x);
  },
): number[][] {
  const next = random(s.seed + 1);
  const fold = new Array<number>(examples.length);
  for (let c = 0; c < CLASSES.length; c++) {
    const members = shuffled(
      examples.flatMap((e, i) => (e.y === c ? [i] : [])),
      next,
    );
    members.forEach((i, n) => {
      fold[i] = n % s.folds;
    });
  }
  const out = new Array<number[]>(examples.length);
  for (let f = 0; f < s.folds; f++) {
    const predict = fitFold(examples.filter((_, i) => fold[i] !== f));
    examples.forEach((e, i) => {
      if (fold[i] === f) out[i] = predict(e.x);
    });
  }
  return out;
}

const FAIR = CLASSES.indexOf("fair");
/** Weights are saved as integers: the weight times this (4 decimals). */
const WEIGHT_SCALE = 10_000;
const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

export interface CvFigures {
  threshold: number;
  flagged: number;
  detected: { precision: number; recall: number };
  categoryCorrect: { precision: number; recall: number };
}

/** Precision and recall of "1 − p(fair) >= threshold" (and of the argmax category) over `probs`. */
export function figuresAt(probs: readonly number[][], ys: readonly number[], threshold: number): CvFigures {
  let tp = 0;
  let fp = 0;
  let right = 0;
  let problems = 0;
  probs.forEach((p, i) => {
    const y = ys[i] as number;
    if (y !== FAIR) problems++;
    if (1 - (p[FAIR] as number) < threshold) return;
    if (y === FAIR) {
      fp++;
      return;
    }
    tp++;
    let best = -1;
    for (let c = 0; c < p.length; c++)
      if (c !== FAIR && (best < 0 || (p[c] as number) > (p[best] as number))) best = c;
    if (best === y) right++;
  });
  const ratio = (a: number, b: number): number => round4(b === 0 ? 1 : a / b);
  return {
    threshold,
    flagged: tp + fp,
    detected: { precision: ratio(tp, tp + fp), recall: ratio(tp, problems) },
    categoryCorrect: { precision: ratio(right, tp + fp), recall: ratio(right, problems) },
  };
}

/** The lowest threshold (4 decimals) whose cross-validated precision reaches the target. */
export function chooseThreshold(
  probs: readonly number[][],
  ys: readonly number[],
  target: number,
): CvFigures {
  const scores = [...new Set(probs.map((p) => Math.floor((1 - (p[FAIR] as number)) * 1e4) / 1e4))]
    .filter((t) => t > 0 && t < 1)
    .sort((a, b) => a - b);
  for (const t of scores) {
    const f = figuresAt(probs, ys, t);
    if (f.detected.precision >= target) return f;
  }
  return figuresAt(probs, ys, 0.9999);
}

/** Trains on the whole set and builds the model file's content. */
export function buildModel(
  dev: { text: string; items: LabelledItem[] },
  s: TrainSettings = SETTINGS,
): { model: SpeechModelData; cv: CvFigures; oof: number[][] } {
  const examples = featurise(dev.items, s.features);
  const oof = crossValidate(examples, s);
  const cv = chooseThreshold(
    oof,
    examples.map((e) => e.y),
    s.targetPrecision,
  );
  const m = train(examples, s);
  const k = CLASSES.length;
  const slots: number[] = [];
  const weights: number[] = [];
  for (let slot = 0; slot < 2 ** s.features.hashBits; slot++) {
    const row = Array.from(m.w.subarray(slot * k, slot * k + k), (v) => Math.round(v * WEIGHT_SCALE));
    if (row.every((v) => v === 0)) continue;
    slots.push(slot);
    weights.push(...row.map((v) => (v === 0 ? 0 : v)));
  }
  const model: SpeechModelData = {
    schemaVersion: 1,
    kind: "fairexit.speech-tone-model",
    classes: CLASSES,
    features: s.features,
    threshold: cv.threshold,
    trainedOn: { file: TRAINING_SETS.join(" + "), sha256: sha256(dev.text), items: dev.items.length },
    training: {
      method: "multinomial logistic regression, SGD with L2, fixed seed",
      epochs: s.epochs,
      learningRate: s.learningRate,
      l2: s.l2,
      seed: s.seed,
      minDf: s.minDf,
      folds: s.folds,
      targetPrecision: s.targetPrecision,
    },
    crossValidated: {
      note: `stratified ${s.folds}-fold cross-validation on the training sets, model alone`,
      flagged: cv.flagged,
      detected: cv.detected,
      categoryCorrect: cv.categoryCorrect,
    },
    bias: Array.from(m.b, round4),
    weightScale: WEIGHT_SCALE,
    slots,
    weights,
  };
  return { model, cv, oof };
}

/** The model file's text: one line per block so diffs stay readable. */
export function modelText(model: SpeechModelData): string {
  const { slots, weights, ...head } = model;
  const body = JSON.stringify(head, null, 2)
    .replace(/\n\}$/u, "")
    .replace(/^( *)("[^"\n]+": )?\[\n([^\]]*?)\n *\]/gmu, (all, indent: string, key = "", inner: string) => {
      const one = `${indent}${key}[${inner.trim().replace(/,\n\s+/gu, ", ")}]`;
      return one.length + 1 <= 110 ? one : all;
    });
  return `${body},\n  "slots": ${filled(slots)},\n  "weights": ${filled(weights)}\n}\n`;
}

/** A number array as the formatter lays it out: filled lines of at most 110 characters. */
function filled(xs: readonly number[]): string {
  const lines: string[] = [];
  let current = "";
  for (const [i, x] of xs.entries()) {
    const item = `${x}${i < xs.length - 1 ? "," : ""}`;
    if (current && 4 + current.length + 1 + item.length > 110) {
      lines.push(current);
      current = item;
    } else current = current ? `${current} ${item}` : item;
  }
  if (current) lines.push(current);
  return `[\n${lines.map((l) => `    ${l}`).join("\n")}\n  ]`;
}

const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
const line = (name: string, f: CvFigures): string =>
  `${name}: threshold ${f.threshold}, precision ${pct(f.detected.precision)} recall ${pct(f.detected.recall)} (category-correct P ${pct(f.categoryCorrect.precision)} R ${pct(f.categoryCorrect.recall)}), ${f.flagged} flagged`;

function main(args: string[]): void {
  const dev = readTrainingSets();
  if (args.includes("--tune")) {
    for (const charWeight of [0, 0.3, 0.5, 1])
      for (const l2 of [1e-5, 1e-4, 3e-4])
        for (const epochs of [15, 30]) {
          const s = { ...SETTINGS, features: { ...SETTINGS.features, charWeight }, l2, epochs };
          const ex = featurise(dev.items, s.features);
          const oof = crossValidate(ex, s);
          const ys = ex.map((e) => e.y);
          console.log(
            line(`charWeight ${charWeight} l2 ${l2} epochs ${epochs}`, chooseThreshold(oof, ys, 0.97)),
          );
        }
  }
  const started = process.cpuUsage();
  const { model, cv } = buildModel(dev);
  const cpu = process.cpuUsage(started);
  const text = modelText(model);
  console.log(line("cross-validated, model alone", cv));
  console.log(
    `${model.slots.length} slots, ${(text.length / 1024).toFixed(0)} KiB, trained in ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s CPU`,
  );
  const path = repoPath(MODEL_FILE);
  if (args.includes("--check")) {
    const same = readFileSync(path, "utf8") === text;
    console.log(same ? `${MODEL_FILE} is up to date` : `${MODEL_FILE} differs from a fresh training`);
    process.exitCode = same ? 0 : 1;
    return;
  }
  writeFileSync(path, text);
  console.log(`wrote ${MODEL_FILE}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2));
