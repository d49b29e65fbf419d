/**
 * The learned tone model for agent speech (src/guardrails/speech/speechModel.ts,
 * policies/tone/speech-model.json, trained by scripts/trainToneModel.ts):
 * - the committed file is what a fresh training on the development set gives (training is
 *   deterministic and takes a few seconds, so the test re-trains rather than trusting a hash);
 * - its cross-validated precision (5 folds on the development set) is >= 0.95; the patterns'
 *   and the union's figures are printed next to it (the patterns were written on this set, so
 *   theirs are optimistic);
 * - it reads plain cases the way a supervisor would, through `checkSpeech`.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  buildModel,
  CLASS_OF,
  MODEL_FILE,
  modelText,
  readTrainingSets,
  repoPath,
  sha256,
} from "../../scripts/trainToneModel.js";
import { checkSpeech, readSpeechModel } from "../../src/guardrails/index.js";
import { defaultTone } from "../policies/utterance/support.js";
import { defaultSpeechModel } from "../support/toneScore.js";

const tone = defaultTone();
const speechModel = defaultSpeechModel();
const agent = (text: string, lang = "en", model = true) =>
  checkSpeech({ tone, speechModel }, text, { speaker: "agent", lang }, { model }).filter(
    (f) => f.kind === "tone",
  );

describe("the tone model file", () => {
  it("was trained on today's training sets (their hash is in the file)", () => {
    expect(speechModel.data.trainedOn.sha256).toBe(sha256(readTrainingSets().text));
  });

  it("is exactly what a fresh training gives, and its cross-validated precision is >= 0.95", () => {
    const dev = readTrainingSets();
    const { model, cv, oof } = buildModel(dev);
    expect(modelText(model)).toBe(readFileSync(repoPath(MODEL_FILE), "utf8"));
    expect(cv.detected.precision).toBeGreaterThanOrEqual(0.95);
    expect(cv.detected.recall).toBeGreaterThan(0.5);

    // Patterns alone, model alone (out of fold) and the union, on the development set.
    const fair = model.classes.indexOf("fair");
    let union = { tp: 0, fp: 0 };
    let patterns = { tp: 0, fp: 0 };
    let problems = 0;
    dev.items.forEach((item, i) => {
      const problem = item.label !== "fair";
      if (problem) problems++;
      const byPatterns = agent(item.text, item.lang, false).length > 0;
      const byModel = 1 - (oof[i]?.[fair] as number) >= model.threshold;
      if (byPatterns)
        patterns = problem ? { ...patterns, tp: patterns.tp + 1 } : { ...patterns, fp: patterns.fp + 1 };
      if (byPatterns || byModel)
        union = problem ? { ...union, tp: union.tp + 1 } : { ...union, fp: union.fp + 1 };
    });
    const show = (name: string, c: { tp: number; fp: number }) =>
      `${name}: precision ${((100 * c.tp) / (c.tp + c.fp)).toFixed(1)}% recall ${((100 * c.tp) / problems).toFixed(1)}%`;
    console.log(
      [
        `model alone (5-fold CV, threshold ${cv.threshold}): precision ${(100 * cv.detected.precision).toFixed(1)}% recall ${(100 * cv.detected.recall).toFixed(1)}%; category-correct recall ${(100 * cv.categoryCorrect.recall).toFixed(1)}%`,
        show("patterns alone (written on this set: optimistic)", patterns),
        show("patterns OR model (model out of fold)", union),
      ].join("\n"),
    );
    // The training sets hold about a thousand deliberately hard fair items (the boundary set,
    // hard negatives in every language), so out of fold the union sits lower than on wording
    // nobody tuned for: 94.4% here against 97.4% on held-out set 3, where >= 0.95 is asserted
    // (speechToneHeldOut.test.ts). This guards against a retraining or a pattern change that
    // makes the union worse than that.
    expect(union.tp / (union.tp + union.fp)).toBeGreaterThanOrEqual(0.94);
  }, 180_000);

  it("refuses a file with weights that do not fit its slots, naming the field", () => {
    const bad = { ...speechModel.data, weights: speechModel.data.weights.slice(1) };
    expect(() => readSpeechModel(bad, "speech-model.json")).toThrow(
      /speech-model\.json: weights: slots × classes/,
    );
  });

  it("knows every category of the development set", () => {
    expect([...speechModel.data.classes].sort()).toEqual(Object.values(CLASS_OF).sort());
  });
});

describe("the model in checkSpeech", () => {
  it("leaves a negated obligation alone", () => {
    expect(agent("you don't have to visit a store, I can do it now")).toEqual([]);
    expect(agent("I can process the cancellation right now for you.")).toEqual([]);
  });

  it("flags sending the customer to a shop", () => {
    const found = agent("you'll need to pop into one of our shops to do that");
    expect(found.map((f) => f.category)).toContain("obstruction");
  });

  it("adds a model finding for shaming that no pattern knows, with the sentence and the score", () => {
    const text = "Only people who don't care about saving money would cancel.";
    expect(agent(text, "en", false)).toEqual([]);
    const [finding, ...rest] = agent(text);
    expect(rest).toEqual([]);
    expect(finding?.ruleId).toBe("tone.confirmshaming.model");
    expect(finding?.span).toEqual({ start: 0, end: text.length, text });
    expect(finding?.message).toMatch(/reads as confirmshaming, model score (0\.\d\d|1\.00)/);
  });

  it("points at the sentence that reads worst in a longer turn", () => {
    const text = "Thanks for holding. Only people who don't care about saving money would cancel.";
    const [finding] = agent(text);
    expect(finding?.ruleId).toBe("tone.confirmshaming.model");
    expect(finding?.span.text).toBe("Only people who don't care about saving money would cancel.");
  });

  it("is off for the bot's own messages and with { model: false }", () => {
    const text = "Only people who don't care about saving money would cancel.";
    expect(checkSpeech({ tone, speechModel }, text, { speaker: "bot", lang: "en" })).toEqual([]);
    expect(checkSpeech({ tone }, text, { speaker: "agent", lang: "en" })).toEqual([]);
  });
});
