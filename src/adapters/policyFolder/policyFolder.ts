/**
 * The policy folder on disk, the `PolicySource` of a running server and of the CLI: reads the
 * pack files, case files and `tone/default-tone.yaml` directly in the folder, and watches the
 * folder for edits. The policy engine (`src/policies`) only compiles what this reads.
 *
 * @example
 * import { loadPolicyFolder } from "./policyFolder.js";
 * const loaded = await loadPolicyFolder("policies");
 * if ("errors" in loaded) console.error(loaded.errors);
 */
import { type FSWatcher, watch } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import {
  type LoadResult,
  loadPolicy,
  type PolicySource,
  type PolicySources,
} from "../../policies/policySource.js";

/** The built-in tone rules, inside the policy folder. */
export const DEFAULT_TONE_PATH = "tone/default-tone.yaml";

const YAML = /\.ya?ml$/;
const CASES = /\.cases\.ya?ml$/;

/** A path as people should read it: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}

/** Reads every pack and case file directly in `dir`, and the default tone rules. */
export async function readPolicyFolder(dir: string): Promise<PolicySources> {
  const names = (await readdir(dir)).filter((n) => YAML.test(n)).sort();
  const files = await Promise.all(
    names.map(async (name) => ({
      path: displayPath(join(dir, name)),
      text: await readFile(join(dir, name), "utf8"),
    })),
  );
  const tonePath = join(dir, DEFAULT_TONE_PATH);
  const toneText = await readFile(tonePath, "utf8").catch(() => undefined);
  return {
    packs: files.filter((f) => !CASES.test(f.path)),
    cases: files.filter((f) => CASES.test(f.path)),
    ...(toneText === undefined ? {} : { defaultTone: { path: displayPath(tonePath), text: toneText } }),
  };
}

/**
 * Calls `onChange` once the folder has been quiet for `debounceMs` after an edit (editors
 * write a file in several steps). Returns a function that stops watching.
 */
export function watchPolicyFolder(dir: string, onChange: () => void, debounceMs = 200): () => void {
  let timer: NodeJS.Timeout | undefined;
  const watchers: FSWatcher[] = [];
  for (const folder of [dir, join(dir, "tone")]) {
    try {
      const watcher = watch(folder, { persistent: false }, (_event, name) => {
        if (name !== null && !YAML.test(String(name))) return;
        clearTimeout(timer);
        timer = setTimeout(onChange, debounceMs);
      });
      watcher.on("error", () => {});
      watchers.push(watcher);
    } catch {
      // A folder that does not exist (no tone/ subfolder) is not watched.
    }
  }
  return () => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  };
}

/** The folder `dir` as a policy source; edits are reported `debounceMs` after the folder is quiet. */
export function policyFolderSource(dir: string, options: { debounceMs?: number } = {}): PolicySource {
  return {
    label: displayPath(dir),
    read: () => readPolicyFolder(dir),
    watch: (onChange) => watchPolicyFolder(dir, onChange, options.debounceMs),
  };
}

/** Reads and compiles the policy folder `dir`. A missing folder is an error, not an exception. */
export function loadPolicyFolder(dir: string): Promise<LoadResult> {
  return loadPolicy(policyFolderSource(dir));
}
