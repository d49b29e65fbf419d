/**
 * Integration point with the utterance checker (`src/policies/utterance/`, owned by its own
 * module): the `tone:` sections of the packs, in precedence order, extend the built-in tone
 * rules (`policies/tone/default-tone.yaml`) and are compiled once with the policy. The result
 * is `CompiledPolicy.tone`, so `checkUtterance(policy, text, ctx)` takes a compiled policy
 * as it is. Tone problems are reported like every other policy error.
 */

import { type PolicyError, policyError } from "./policyError.js";
import {
  type CompiledTone,
  compileDefaultTone,
  compileTone,
  type ToneError,
} from "./utterance/toneSchema.js";
import type { YamlSource } from "./yamlSource.js";

function toPolicyError(e: ToneError): PolicyError {
  return policyError(
    e.file,
    { line: e.line ?? 1, column: e.column ?? 1 },
    `${e.path}: ${e.message}`,
    e.ruleId,
  );
}

/**
 * Compiles the default tone (when given) extended by each pack's `tone:` section, in the
 * order given (precedence order). Returns the compiled tone or every problem.
 */
export function compilePolicyTone(
  defaultTone: YamlSource | undefined,
  packs: readonly { source: YamlSource; tone: unknown }[],
): CompiledTone | PolicyError[] {
  let tone: CompiledTone | ToneError[] = defaultTone
    ? compileDefaultTone(defaultTone.value, { file: defaultTone.file, positionOf: defaultTone.positionOf })
    : compileTone(undefined, { file: "(no default tone)" });
  if (Array.isArray(tone)) return tone.map(toPolicyError);
  const errors: PolicyError[] = [];
  for (const pack of packs) {
    if (pack.tone === undefined) continue;
    const next: CompiledTone | ToneError[] = compileTone(
      pack.tone,
      { file: pack.source.file, at: ["tone"], positionOf: pack.source.positionOf },
      tone,
    );
    if (Array.isArray(next)) errors.push(...next.map(toPolicyError));
    else tone = next;
  }
  return errors.length > 0 ? errors : tone;
}
