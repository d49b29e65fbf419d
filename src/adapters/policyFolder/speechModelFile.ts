/**
 * Reads the learned tone model for agent speech (`tone/speech-model.json` in the policy
 * folder, written by `npm run train:tone`) for agent assist. A folder without the file gives
 * no model (assist then uses the speech patterns alone); a file that is not a model is a
 * ConfigError naming the file and the field, so a damaged model never starts silently.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ConfigError } from "../../domain/configError.js";
import { type LoadedSpeechModel, readSpeechModel } from "../../guardrails/index.js";

export const SPEECH_MODEL_PATH = "tone/speech-model.json";

export async function readSpeechModelFile(policyDir: string): Promise<LoadedSpeechModel | undefined> {
  const path = join(policyDir, SPEECH_MODEL_PATH);
  const text = await readFile(path, "utf8").catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT") return undefined;
    throw new ConfigError("FAIREXIT_POLICY_DIR", `cannot read ${path}: ${e.message}`);
  });
  if (text === undefined) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ConfigError("FAIREXIT_POLICY_DIR", `${path} is not JSON: ${(e as Error).message}`);
  }
  try {
    return readSpeechModel(json, path);
  } catch (e) {
    throw new ConfigError("FAIREXIT_POLICY_DIR", (e as Error).message);
  }
}
