/**
 * Tone detection on free agent speech, measured on the development set
 * (test/fixtures/assist/agent-tone-dev.yaml): `checkSpeech` (phrases, patterns and the speech
 * patterns over lemmas) against today's `checkUtterance` alone (the baseline). Prints both,
 * for the whole set and for its first round (written before any speech pattern). The patterns
 * were tuned on this set, so its figures overstate generalisation: the held-out set
 * (speechToneHeldOut.test.ts) is the measure.
 */
import { describe, expect, it } from "vitest";
import { checkSpeech, checkUtterance } from "../../src/guardrails/index.js";
import { defaultTone, repoFile } from "../policies/utterance/support.js";
import { formatScore, readToneSet, scoreTone } from "../support/toneScore.js";

const tone = defaultTone();
const items = readToneSet(repoFile("test/fixtures/assist/agent-tone-dev.yaml"));
/** The first round of the set: written before any speech pattern existed. */
const FIRST_ROUND = 149;

describe("tone on agent speech, development set", () => {
  const baseline = scoreTone(items, (i) => checkUtterance({ tone }, i.text, { speaker: "agent" }));
  const speech = scoreTone(items, (i) => checkSpeech({ tone }, i.text, { speaker: "agent", lang: i.lang }));
  console.log(
    `${formatScore("baseline checkUtterance", baseline, false)}\n${formatScore("checkSpeech", speech)}`,
  );

  it("has problems of every category and fair near-misses", () => {
    expect(Object.keys(speech.perLabel).sort()).toEqual(
      ["blame", "condescension", "confirmshaming", "fair", "guilt", "obstruction", "pressure"].sort(),
    );
    expect(items.length).toBeGreaterThanOrEqual(140);
  });

  it("the first round (149 items, written before any pattern) is scored on its own too", () => {
    const first = scoreTone(items.slice(0, FIRST_ROUND), (i) =>
      checkSpeech({ tone }, i.text, { speaker: "agent", lang: i.lang }),
    );
    const firstBaseline = scoreTone(items.slice(0, FIRST_ROUND), (i) =>
      checkUtterance({ tone }, i.text, { speaker: "agent" }),
    );
    console.log(
      `${formatScore("first round, baseline checkUtterance", firstBaseline, false)}\n${formatScore("first round, checkSpeech", first, false)}`,
    );
    expect(first.detected.precision).toBeGreaterThanOrEqual(0.95);
    expect(first.detected.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("checkSpeech keeps precision >= 0.95 and reaches recall >= 0.8", () => {
    expect(speech.detected.precision).toBeGreaterThanOrEqual(0.95);
    expect(speech.detected.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("does better than the baseline", () => {
    expect(speech.detected.recall).toBeGreaterThan(baseline.detected.recall + 0.3);
  });
});
