/**
 * The learned tone model for agent speech: a multinomial logistic regression over hashed
 * sparse features (./speechFeatures.ts), trained by `npm run train:tone`
 * (scripts/trainToneModel.ts) on test/fixtures/assist/agent-tone-dev.yaml and saved as data
 * in `policies/tone/speech-model.json`. An utterance is a problem when 1 − p(fair) reaches the
 * model's threshold (chosen by cross-validation for precision); its category is the most
 * probable problem class. Pure: the model and the sentences are passed in.
 *
 * @example
 * const model = readSpeechModel(JSON.parse(text));
 * const hit = modelHit(model, lemmatise, "You'll need to pop into one of our shops.", "en");
 * // { category: "obstruction", score: 0.97, span: { start: 0, end: 41 } }
 */
import { z } from "zod";
import type { LemmaSentence } from "./lemmatise.js";
import { type SparseVector, speechFeatures } from "./speechFeatures.js";

const Figures = z.object({ precision: z.number(), recall: z.number() });

export const SpeechModel = z
  .object({
    schemaVersion: z.literal(1),
    kind: z.literal("fairexit.speech-tone-model"),
    /** Class names: `fair` and the tone category ids. */
    classes: z.array(z.string().min(1)).min(2),
    features: z.object({
      hashBits: z.number().int().min(8).max(24),
      charWeight: z.number().min(0),
      charMin: z.number().int().min(1),
      charMax: z.number().int().min(1),
    }),
    /** An utterance is flagged when 1 − p(fair) >= threshold. */
    threshold: z.number().gt(0).lt(1),
    trainedOn: z.object({ file: z.string(), sha256: z.string().length(64), items: z.number().int() }),
    training: z.looseObject({}),
    crossValidated: z.looseObject({ detected: Figures, categoryCorrect: Figures }),
    bias: z.array(z.number()),
    /** The saved weights are integers: weight × weightScale. */
    weightScale: z.number().positive(),
    /** Hash slots with a weight, increasing. */
    slots: z.array(z.number().int().min(0)),
    /** `slots.length × classes.length` weights, slot-major. */
    weights: z.array(z.number().int()),
  })
  .superRefine((m, ctx) => {
    if (!m.classes.includes("fair")) ctx.addIssue({ code: "custom", message: "classes must include fair" });
    if (m.bias.length !== m.classes.length)
      ctx.addIssue({ code: "custom", path: ["bias"], message: "one bias per class" });
    if (m.weights.length !== m.slots.length * m.classes.length)
      ctx.addIssue({ code: "custom", path: ["weights"], message: "slots × classes weights expected" });
  });
export type SpeechModelData = z.infer<typeof SpeechModel>;

/** A model ready to score: the data plus its slot lookup. */
export interface LoadedSpeechModel {
  readonly data: SpeechModelData;
  /** Slot -> offset of its first weight in `weights`. */
  readonly rows: ReadonlyMap<number, number>;
  /** The weights as numbers (`data.weights / data.weightScale`). */
  readonly weights: Float64Array;
  readonly fair: number;
}

/** Validates a parsed `speech-model.json`; throws naming the first wrong fields. */
export function readSpeechModel(json: unknown, file = "speech-model.json"): LoadedSpeechModel {
  const parsed = SpeechModel.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join(".") || "(top)"}: ${i.message}`)
        .join("; ")}`,
    );
  const data = parsed.data;
  const k = data.classes.length;
  return {
    data,
    rows: new Map(data.slots.map((s, i) => [s, i * k])),
    weights: Float64Array.from(data.weights, (w) => w / data.weightScale),
    fair: data.classes.indexOf("fair"),
  };
}

/** Class probabilities of one feature vector (softmax of the linear scores). */
export function classProbabilities(model: LoadedSpeechModel, x: SparseVector): number[] {
  const { bias } = model.data;
  const weights = model.weights;
  const z = bias.slice();
  for (let i = 0; i < x.index.length; i++) {
    const at = model.rows.get(x.index[i] as number);
    if (at === undefined) continue;
    const v = x.value[i] as number;
    for (let c = 0; c < z.length; c++) z[c] = (z[c] as number) + v * (weights[at + c] as number);
  }
  const max = Math.max(...z);
  const e = z.map((v) => Math.exp(v - max));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
}

export interface ModelScore {
  /** 1 − p(fair). */
  score: number;
  /** The most probable problem class. */
  category: string;
}

/** Problem score and likeliest category of a text already split into sentences. */
export function scoreSentences(
  model: LoadedSpeechModel,
  sentences: readonly LemmaSentence[],
  text: string,
  lang: string,
): ModelScore {
  const p = classProbabilities(model, speechFeatures(sentences, text, lang, model.data.features));
  let best = -1;
  for (let c = 0; c < p.length; c++)
    if (c !== model.fair && (best < 0 || (p[c] as number) > (p[best] as number))) best = c;
  return { score: 1 - (p[model.fair] as number), category: model.data.classes[best] as string };
}

/** What the model flags in an utterance: the category, the score and the sentence that reads worst. */
export interface ModelHit extends ModelScore {
  span: { start: number; end: number };
}

type Split = (text: string, lang: string) => readonly LemmaSentence[];

/**
 * The model's verdict on `text` in language `lang`, or undefined when it reads as fair.
 * The span is the sentence with the highest score (the whole text when it is one sentence).
 */
export function modelHit(
  model: LoadedSpeechModel,
  split: Split,
  text: string,
  lang: string,
): ModelHit | undefined {
  const sentences = split(text, lang);
  const whole = scoreSentences(model, sentences, text, lang);
  if (whole.score < model.data.threshold) return undefined;
  const first = sentences[0];
  const last = sentences.at(-1);
  if (!first || !last) return undefined;
  let span = { start: first.start, end: last.end };
  if (sentences.length > 1) {
    let top = -1;
    for (const s of sentences) {
      const own = scoreSentences(model, [s], text.slice(s.start, s.end), lang).score;
      if (own > top) {
        top = own;
        span = { start: s.start, end: s.end };
      }
    }
  }
  return { ...whole, span };
}
