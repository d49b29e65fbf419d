/**
 * The held-out set (test/fixtures/assist/agent-tone-heldout.yaml), written by someone who had
 * not seen the speech patterns, after they were frozen. Precision must stay >= 0.95 (a false
 * alert costs the agent's trust); recall is reported, not asserted (the lead decides).
 * Skipped, with a message, while the file does not exist.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkSpeech, checkUtterance } from "../../src/guardrails/index.js";
import { defaultTone, repoFile } from "../policies/utterance/support.js";
import { defaultSpeechModel, formatScore, readToneSet, scoreTone } from "../support/toneScore.js";

const FILE = repoFile("test/fixtures/assist/agent-tone-heldout.yaml");
const present = existsSync(FILE);
if (!present) console.log(`held-out tone set not found (${FILE}): skipped`);

describe.skipIf(!present)("tone on agent speech, held-out set", () => {
  it("keeps precision >= 0.95 and reports recall", () => {
    const tone = defaultTone();
    const items = readToneSet(FILE);
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
        formatScore("held-out baseline checkUtterance", baseline, false),
        formatScore("held-out checkSpeech, patterns only", patterns, false),
        formatScore("held-out checkSpeech, patterns and model", speech),
      ].join("\n"),
    );
    expect(patterns.detected.precision).toBeGreaterThanOrEqual(0.95);
    expect(speech.detected.precision).toBeGreaterThanOrEqual(0.95);
  });
});
