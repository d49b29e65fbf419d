/**
 * The only part of the policy engine that touches the file system: reading a policy folder
 * (pack files and case files), the demo customers case files may refer to, and watching the
 * folder for edits. Everything else in `src/policies` is pure.
 */
import { type FSWatcher, watch } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { readCustomerFile } from "../adapters/files/readCustomerFile.js";
import type { CaseLibrary } from "./cases/runCases.js";
import { compile, type PolicySourceFile } from "./compile.js";
import type { CompiledPolicy } from "./compiledPolicy.js";
import type { PolicyError } from "./policyError.js";

/** The built-in tone rules, inside the policy folder. */
export const DEFAULT_TONE_PATH = "tone/default-tone.yaml";

export interface PolicyFolder {
  /** Pack files (`*.yaml` that are not case files), sorted by name. */
  packs: PolicySourceFile[];
  /** Case files (`*.cases.yaml`), sorted by name. */
  cases: PolicySourceFile[];
  /** `tone/default-tone.yaml`, when present. */
  defaultTone?: PolicySourceFile;
}

const YAML = /\.ya?ml$/;
const CASES = /\.cases\.ya?ml$/;

/** A path as people should read it: relative to the working folder when inside it. */
export function displayPath(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel.startsWith("..") || rel === "" ? path : rel;
}

/** Reads every pack and case file directly in `dir`. */
export async function readPolicyFolder(dir: string): Promise<PolicyFolder> {
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

export type LoadResult =
  | { policy: CompiledPolicy; folder: PolicyFolder }
  | { errors: PolicyError[]; folder?: PolicyFolder };

/** Reads and compiles the policy folder `dir`. A missing folder is an error, not an exception. */
export async function loadPolicyFolder(dir: string): Promise<LoadResult> {
  let folder: PolicyFolder;
  try {
    folder = await readPolicyFolder(dir);
  } catch (e) {
    const message = `cannot read the policy folder: ${(e as Error).message}`;
    return { errors: [{ file: displayPath(dir), line: 1, column: 1, message, severity: "error" }] };
  }
  const result = compile(folder.packs, folder.defaultTone ? { defaultTone: folder.defaultTone } : {});
  return Array.isArray(result) ? { errors: result, folder } : { policy: result, folder };
}

/** The demo customers and coverage, for case files that name a customer by id; empty when absent. */
export async function readCaseLibrary(customerFile: string): Promise<CaseLibrary> {
  try {
    const file = await readCustomerFile(customerFile);
    return { customers: new Map(file.customers.map((c) => [c.id, c])), coverage: file.coverage };
  } catch {
    return { customers: new Map(), coverage: [] };
  }
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
