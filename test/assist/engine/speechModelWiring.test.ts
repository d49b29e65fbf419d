/**
 * The learned tone model reaches live assist: the composition root reads
 * `tone/speech-model.json` from the policy folder and the desk checks an agent's final words
 * with it. A folder without the file runs on the patterns alone; a damaged file stops the start
 * with the file named, so a broken model is never used silently.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import { loadConfig } from "../../../src/config.js";
import { ManualClock } from "../../../src/domain/clock.js";
import { silentLogger } from "../../../src/domain/logger.js";

const repoRoot = new URL("../../../", import.meta.url).pathname;
/** Shaming that no speech pattern knows; only the model reads it (test/guardrails/speechModel.test.ts). */
const SHAMING = "Only people who don't care about saving money would cancel.";

let withoutModel: string;
beforeAll(async () => {
  withoutModel = await mkdtemp(join(tmpdir(), "fairexit-policies-"));
  await cp(join(repoRoot, "policies"), withoutModel, { recursive: true });
  await rm(join(withoutModel, "tone", "speech-model.json"));
});
afterAll(() => rm(withoutModel, { recursive: true, force: true }));

async function alertsOn(policyDir: string | undefined, text: string) {
  const app = await createApp(
    loadConfig(
      {
        FAIREXIT_STORE: "memory",
        FAIREXIT_SECRET: "a-test-secret-of-16+",
        LOG_LEVEL: "silent",
        ...(policyDir ? { FAIREXIT_POLICY_DIR: policyDir } : {}),
      },
      repoRoot,
    ),
    { logger: silentLogger, clock: new ManualClock("2026-11-23T10:00:00Z") },
  );
  try {
    const view = await app.assist.hear({
      sessionId: "call-model-1",
      utteranceId: "u1",
      speaker: "agent",
      text,
      at: "2026-11-23T10:00:01Z",
      final: true,
      source: "events",
    });
    return view.alerts.map((a) => a.ruleId);
  } finally {
    await app.close();
  }
}

describe("the tone model in the composed app", () => {
  it("raises the model's alert on an agent's final words when the policy folder has the model", async () => {
    expect(await alertsOn(undefined, SHAMING)).toEqual(["tone.confirmshaming.model"]);
  });

  it("runs on the patterns alone when the folder has no model", async () => {
    expect(await alertsOn(withoutModel, SHAMING)).toEqual([]);
  });

  it("refuses to start on a damaged model file, naming the file", async () => {
    const damaged = await mkdtemp(join(tmpdir(), "fairexit-policies-"));
    try {
      await cp(join(repoRoot, "policies"), damaged, { recursive: true });
      await writeFile(join(damaged, "tone", "speech-model.json"), '{"classes": ["fair"]}');
      await expect(alertsOn(damaged, SHAMING)).rejects.toThrow(/speech-model\.json/);
    } finally {
      await rm(damaged, { recursive: true, force: true });
    }
  });
});
