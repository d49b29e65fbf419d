/**
 * The `tone:` section of a policy pack: categories of language FairExit never uses with a
 * cancelling customer (confirmshaming, guilt-tripping, false urgency, obstruction …), each
 * with phrase lexicons and regular expressions, near-miss allowances and a compliant wording.
 * Validated by a strict zod schema, then compiled once into ready-to-run regular expressions.
 *
 * ```yaml
 * tone:
 *   categories:
 *     - id: confirmshaming                # lower_snake_case; the category findings name
 *       description: The decline option or question shames the customer for choosing it.
 *       citation: Cal. Code Regs. tit. 11 §7004(a)(2)
 *       alternative: "Would you like me to cancel it now? (yes / no)"
 *       speakers: [bot, agent]            # optional; default both
 *       phrases:                          # per language; syntax in phrase.ts
 *         en: ["no thanks i {don't|do not} want to save"]
 *         sv: ["nej tack jag vill inte spara"]
 *       patterns:                         # JavaScript regular expressions (flag "u"), in lower case
 *         - id: decline-mocks-choice
 *           regex: "\\bi(?:'d| would) rather (?:pay more|lose)\\b"
 *           unless: ["\\bif you\\b"]      # ignore this pattern's match when one of these is in the sentence
 *       exceptions:                       # near-miss allowances for the whole category
 *         - phrase: "sorry to see you go"
 *           scope: span                   # span: must overlap the match; sentence (default): anywhere in it
 *           note: Plain regret is not guilt-tripping.
 * ```
 *
 * Matching is case-insensitive because the text is lower-cased first (offsets kept): phrases
 * may be written in any case, but regular expressions must be written in lower case (an
 * upper-case letter outside an escape such as `\P{L}` is reported).
 *
 * Merging (packs compile in order; `compileTone(section, source, base)` extends `base`):
 * - a category whose id is already defined is extended: its phrases (per language, duplicates
 *   dropped), patterns and exceptions are appended; `description`, `citation` and
 *   `alternative`, when given, replace the earlier wording;
 * - a category cannot be removed, and its `speakers` cannot be changed: the pack `disable:`
 *   list does not reach tone rules. An exception is the only way to allow a near-miss, and an
 *   exception that matches empty text (and so everything) is rejected;
 * - a pattern id already used in the category is an error;
 * - a new category needs description, citation, alternative and at least one phrase or pattern.
 */
import { z } from "zod";
import { formatPath } from "../../domain/validation.js";
import {
  type CategoryDefinition,
  type CompiledTone,
  compileCategory,
  indexPhrases,
  sieveTone,
} from "./compiledTone.js";
import { compilePhrase, hasUpperCaseLiteral } from "./phrase.js";
import { compileSpeech, SpeechSection } from "./speechSchema.js";
import { CategoryId, Lang, ToneException, TonePattern, UtteranceSpeaker } from "./toneEntries.js";

export type { CompiledCategory, CompiledPattern, CompiledPhrase, CompiledTone } from "./compiledTone.js";

export { ToneException, TonePattern, UtteranceSpeaker } from "./toneEntries.js";

export const ToneCategory = z.strictObject({
  id: CategoryId,
  description: z.string().min(1).optional(),
  citation: z.string().min(1).optional(),
  alternative: z.string().min(1).optional().meta({ description: "A compliant wording to suggest instead." }),
  speakers: z.array(UtteranceSpeaker).min(1).optional(),
  phrases: z.record(Lang, z.array(z.string().trim().min(1))).optional(),
  patterns: z.array(TonePattern).optional(),
  exceptions: z.array(ToneException).optional(),
});

/** The `tone:` section of a policy pack. */
export const ToneSection = z
  .strictObject({ categories: z.array(ToneCategory), speech: SpeechSection.optional() })
  .meta({
    description: "Language never used with a cancelling customer; see src/policies/utterance/toneSchema.ts.",
  });
export type ToneSection = z.output<typeof ToneSection>;
export type ToneCategory = z.output<typeof ToneCategory>;

/** `policies/tone/default-tone.yaml`: the built-in categories every pack starts from. */
export const ToneFile = z.strictObject({ schemaVersion: z.literal(1), tone: ToneSection });
export const DEFAULT_TONE_FILE = "policies/tone/default-tone.yaml";

/** Where a tone section came from, to locate problems. Structurally a `YamlSource` fits. */
export interface ToneSource {
  file: string;
  /** Path of the tone section inside the file; default `["tone"]`. */
  at?: readonly PropertyKey[];
  positionOf?: (path: readonly PropertyKey[]) => { line: number; column: number };
}

export interface ToneError {
  file: string;
  /** The category id (and `/pattern-id`), or `tone` for the section itself. */
  ruleId: string;
  /** Field path inside the file, e.g. `tone.categories[2].patterns[0].regex`. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

const NESTED_QUANTIFIER = /\((?:[^()\\]|\\.)*[+*](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\})/u;

function tryRegex(source: string, flags: string): RegExp | string {
  try {
    return new RegExp(source, flags);
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Validates and compiles a `tone:` section (already parsed from YAML), extending `base` (the
 * tone of earlier packs, normally the default tone) when given. Returns the compiled tone, or
 * every problem found, each naming the file, the category/pattern id and the field. Never
 * throws on bad input: a regular expression that does not compile is reported.
 */
export function compileTone(
  section: unknown,
  source: ToneSource,
  base?: CompiledTone,
): CompiledTone | ToneError[] {
  const prefix = source.at ?? ["tone"];
  const errors: ToneError[] = [];
  const report = (path: readonly PropertyKey[], ruleId: string, message: string): void => {
    const full = [...prefix, ...path];
    const pos = source.positionOf?.(full);
    errors.push({ file: source.file, ruleId, path: formatPath(full), message, ...(pos ?? {}) });
  };

  // A pack without a tone section adds nothing but still counts as a source.
  const parsed = ToneSection.safeParse(section ?? { categories: [] });
  if (!parsed.success) {
    const raw = section as { categories?: { id?: unknown }[] } | undefined;
    for (const issue of parsed.error.issues) {
      const i = issue.path[0] === "categories" ? issue.path[1] : undefined;
      const id = typeof i === "number" ? raw?.categories?.[i]?.id : undefined;
      report(issue.path, typeof id === "string" ? id : "tone", issue.message);
    }
    return errors;
  }

  const definitions = new Map<string, CategoryDefinition>();
  for (const d of base?.definition ?? []) definitions.set(d.id, { ...d });
  const seen = new Set<string>();

  for (const [ci, cat] of parsed.data.categories.entries()) {
    const at = (...rest: PropertyKey[]): PropertyKey[] => ["categories", ci, ...rest];
    if (seen.has(cat.id)) {
      report(at("id"), cat.id, `category ${cat.id} is defined twice in this section`);
      continue;
    }
    seen.add(cat.id);
    const file = source.file;
    const phrases = Object.entries(cat.phrases ?? {}).flatMap(([lang, list]) =>
      list.map((text) => ({ value: { text, lang }, file })),
    );
    const patterns = (cat.patterns ?? []).map((value) => ({ value, file }));
    const exceptions = (cat.exceptions ?? []).map((value) => ({ value, file }));

    const earlier = definitions.get(cat.id);
    if (earlier) {
      const same =
        cat.speakers?.length === earlier.speakers.length &&
        cat.speakers.every((x) => earlier.speakers.includes(x));
      if (cat.speakers && !same)
        report(at("speakers"), cat.id, "speakers of an existing category cannot be changed");
      const known = new Set(earlier.patterns.map((p) => p.value.id));
      for (const [pi, p] of patterns.entries())
        if (known.has(p.value.id))
          report(
            at("patterns", pi, "id"),
            `${cat.id}/${p.value.id}`,
            `pattern ${p.value.id} is already defined`,
          );
      const have = new Set(earlier.phrases.map((p) => `${p.value.lang}\u0000${p.value.text.toLowerCase()}`));
      definitions.set(cat.id, {
        ...earlier,
        description: cat.description ?? earlier.description,
        citation: cat.citation ?? earlier.citation,
        alternative: cat.alternative ?? earlier.alternative,
        phrases: [
          ...earlier.phrases,
          ...phrases.filter((p) => !have.has(`${p.value.lang}\u0000${p.value.text.toLowerCase()}`)),
        ],
        patterns: [...earlier.patterns, ...patterns],
        exceptions: [...earlier.exceptions, ...exceptions],
      });
    } else {
      for (const field of ["description", "citation", "alternative"] as const)
        if (cat[field] === undefined) report(at(), cat.id, `a new category needs ${field}`);
      if (phrases.length === 0 && patterns.length === 0)
        report(at(), cat.id, "a new category needs at least one phrase or pattern");
      definitions.set(cat.id, {
        id: cat.id,
        description: cat.description ?? "",
        citation: cat.citation ?? "",
        alternative: cat.alternative ?? "",
        speakers: cat.speakers ?? ["bot", "agent"],
        phrases,
        patterns,
        exceptions,
      });
    }
    checkEntries(cat, (path, ruleId, message) => report(at(...path), ruleId, message));
  }
  const speech = compileSpeech(
    base?.speechDefinition,
    parsed.data.speech,
    source.file,
    new Set(definitions.keys()),
    (path, ruleId, message) => report(path, ruleId, message),
  );
  if (errors.length > 0) return errors;

  const compiled = [...definitions.values()].map(compileCategory);
  const categories = compiled.map((c) => c.category);
  const phraseIndex = indexPhrases(compiled.map((c) => c.starts));
  return {
    categories,
    phraseIndex,
    sieve: sieveTone(categories, phraseIndex),
    files: [...(base?.files ?? []), source.file],
    knownTexts: new Map(),
    definition: [...definitions.values()],
    speech: speech.speech,
    speechDefinition: speech.definition,
  };
}

type Reporter = (path: PropertyKey[], ruleId: string, message: string) => void;

/** Checks every phrase and regex of the section's category, reporting what does not compile. */
function checkEntries(cat: ToneCategory, report: Reporter): void {
  for (const [lang, list] of Object.entries(cat.phrases ?? {}))
    for (const [i, text] of list.entries()) {
      const r = compilePhrase(text);
      if (!r.ok) report(["phrases", lang, i], cat.id, `phrase "${text}": ${r.message}`);
    }
  for (const [pi, p] of (cat.patterns ?? []).entries()) {
    const ruleId = `${cat.id}/${p.id}`;
    checkRegex(p.regex, ["patterns", pi, "regex"], ruleId, report);
    for (const [ui, u] of (p.unless ?? []).entries())
      checkRegex(u, ["patterns", pi, "unless", ui], ruleId, report);
  }
  for (const [ei, e] of (cat.exceptions ?? []).entries()) {
    if (e.regex !== undefined) checkRegex(e.regex, ["exceptions", ei, "regex"], cat.id, report);
    if (e.phrase !== undefined) {
      const r = compilePhrase(e.phrase);
      if (!r.ok) report(["exceptions", ei, "phrase"], cat.id, `phrase "${e.phrase}": ${r.message}`);
    }
  }
}

function checkRegex(source: string, path: PropertyKey[], ruleId: string, report: Reporter): void {
  const re = tryRegex(source, "u");
  let problem: string | undefined;
  if (typeof re === "string") problem = `invalid regular expression: ${re}`;
  else if (re.test("")) problem = "the regular expression matches empty text";
  else if (hasUpperCaseLiteral(source))
    problem = "write the regular expression in lower case: the text is lower-cased before matching";
  else if (NESTED_QUANTIFIER.test(source))
    problem = "nested repetition such as (a+)+ can take exponential time; bound one of them";
  if (problem) report(path, ruleId, problem);
}

/**
 * Compiles the parsed content of `policies/tone/default-tone.yaml` (`schemaVersion: 1` and a
 * `tone:` section). The engine reads and parses the file; this stays pure.
 */
export function compileDefaultTone(
  parsed: unknown,
  source: ToneSource = { file: DEFAULT_TONE_FILE },
): CompiledTone | ToneError[] {
  const file = ToneFile.omit({ tone: true }).extend({ tone: z.unknown() }).safeParse(parsed);
  if (!file.success)
    return file.error.issues.map((i) => {
      const pos = source.positionOf?.(i.path);
      return {
        file: source.file,
        ruleId: "tone",
        path: formatPath(i.path),
        message: i.message,
        ...(pos ?? {}),
      };
    });
  return compileTone(file.data.tone, { ...source, at: source.at ?? ["tone"] });
}
