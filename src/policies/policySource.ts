/**
 * Where the policy's text comes from, as the engine sees it: pack files, case files and the
 * default tone rules, each a path (for messages) and its text. The engine never reads files:
 * an adapter (`src/adapters/policyFolder`) implements `PolicySource`, and `compileSources`
 * turns what it read into a compiled policy or the problems found.
 */
import { compile, type PolicySourceFile } from "./compile.js";
import type { CompiledPolicy } from "./compiledPolicy.js";
import type { PolicyError } from "./policyError.js";

/** The texts of one version of the policy. */
export interface PolicySources {
  /** Pack files (`*.yaml` that are not case files), sorted by name. */
  packs: PolicySourceFile[];
  /** Case files (`*.cases.yaml`), sorted by name. */
  cases: PolicySourceFile[];
  /** The built-in tone rules (`tone/default-tone.yaml`), when present. */
  defaultTone?: PolicySourceFile;
}

/** A place policies are kept and edited (a folder, later perhaps a database or a repository). */
export interface PolicySource {
  /** How people know it, for messages and logs (e.g. the folder's path). */
  readonly label: string;
  /** Reads the current texts; rejects when the place cannot be read at all. */
  read(): Promise<PolicySources>;
  /** Calls `onChange` after an edit (once the edit is complete); returns a function that stops. */
  watch(onChange: () => void): () => void;
}

export type LoadResult =
  | { policy: CompiledPolicy; sources: PolicySources }
  | { errors: PolicyError[]; sources?: PolicySources };

/** Compiles the pack files of `sources` with their default tone. */
export function compileSources(sources: PolicySources): LoadResult {
  const result = compile(sources.packs, sources.defaultTone ? { defaultTone: sources.defaultTone } : {});
  return Array.isArray(result) ? { errors: result, sources } : { policy: result, sources };
}

/** Reads `source` and compiles it. A source that cannot be read is an error, not an exception. */
export async function loadPolicy(source: PolicySource): Promise<LoadResult> {
  let sources: PolicySources;
  try {
    sources = await source.read();
  } catch (e) {
    const message = `cannot read the policy folder: ${(e as Error).message}`;
    return { errors: [{ file: source.label, line: 1, column: 1, message, severity: "error" }] };
  }
  return compileSources(sources);
}
