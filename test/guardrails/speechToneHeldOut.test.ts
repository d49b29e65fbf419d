/**
 * The current held-out set, written by someone who had seen neither the speech patterns, the model
 * nor any other set, after the model and the patterns were frozen: agent-tone-heldout3.yaml
 * (2026-12-07, 360 items, a third each in English, German and Swedish), scored once for the
 * figures in docs/assist.md. Precision must stay >= 0.95 (a false alert costs the agent's trust);
 * recall is reported, not asserted (the lead decides).
 *
 * The earlier held-out sets (agent-tone-heldout.yaml, agent-tone-heldout2.yaml) were each scored
 * once in their turn and are training data of the model now (scripts/trainToneModel.ts), so their
 * figures would no longer say anything about wording nobody tuned for.
 * Skipped, with a message, while the file does not exist.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSpeech, checkUtterance } from "../../src/guardrails/index.js";
import { defaultTone, repoFile } from "../policies/utterance/support.js";
import { defaultSpeechModel, formatScore, readToneSet, scoreTone } from "../support/toneScore.js";

const SETS = [["held-out 3", repoFile("test/fixtures/assist/agent-tone-heldout3.yaml")]] as const;

describe.each(SETS)("tone on agent speech, %s set", (name, file) => {
  const present = existsSync(file);
  if (!present) console.log(`held-out tone set not found (${file}): skipped`);
  it.skipIf(!present)("keeps precision >= 0.95 and reports recall", () => {
    const tone = defaultTone();
    const items = readToneSet(file);
    const baseline = scoreTone(items, (i) => checkUtterance({ tone }, i.text, { speaker: "agent" }));
    const patterns = scoreTone(items, (i) =>
      checkSpeech({ tone }, i.text, { speaker: "agent", lang: i.lang }, { model: false }),
    );
    const speechModel = defaultSpeechModel();
    const speech = scoreTone(items, (i) =>
      checkSpeech({ tone, speechModel }, i.text, { speaker: "agent", lang: i.lang }),
    );
    console.log(
      [
        formatScore(`${name} baseline checkUtterance`, baseline, false),
        formatScore(`${name} checkSpeech, patterns only`, patterns, false),
        formatScore(`${name} checkSpeech, patterns and model`, speech),
      ].join("\n"),
    );
    expect(patterns.detected.precision).toBeGreaterThanOrEqual(0.95);
    expect(speech.detected.precision).toBeGreaterThanOrEqual(0.95);
  });
});
