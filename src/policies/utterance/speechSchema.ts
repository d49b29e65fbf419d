/**
 * Speech patterns: the `speech:` part of a `tone:` section. Human agents speak freely, so
 * beside the literal phrases and regular expressions of the tone categories, a pack may give
 * patterns over lemmas ("you must visit a store" and "you'll have to go into one of our shops"
 * are one pattern), matched by the speech checker in `src/guardrails/speech` with negation
 * taken into account ("you don't have to visit a store" does not match). This file validates
 * and parses them; it knows no NLP library (the checker tokenises and lemmatises).
 *
 * ```yaml
 * tone:
 *   speech:
 *     sets:                                 # named alternatives, used as @name in `match`
 *       must: ["must", "have to", "need to", "have get to"]
 *       store: [store, shop, branch]
 *     patterns:
 *       - id: must-go-to-store             # lower-case, unique among speech patterns
 *         category: obstruction            # a tone category; findings are tone.<category>.<id>
 *         why: Sends the customer to a shop to cancel.
 *         citation: Cal. Bus. & Prof. Code §17602   # optional; default the category's
 *         lang: en                         # optional, default en (de, sv: plain lower-case words)
 *         match: "you @must ~3 {visit|go|come} ~4 @store"
 *         unless: ["if you prefer"]        # lemma sequences; any in the sentence cancels the match
 * ```
 *
 * `match` is a sequence of slots, separated by spaces, matched against one sentence:
 * - `word`: a token whose lemma or lower-cased form is `word` (`be` matches is, 's, were);
 * - `word*`: a token whose lemma or form starts with `word`;
 * - `{a|b c|}`: one of the alternatives, each a sequence of words; an empty one makes it optional;
 * - `@name`: one of the named set's entries (each a sequence of words);
 * - `~N` (N 1-8): up to N tokens that are not punctuation;
 * - `$` (alone or as an alternative): the end of the sentence or a punctuation mark; `^`: the
 *   start of the sentence (for imperatives: "^ {go|head} {into|to} ~3 @store").
 *
 * Modality: a match right after "if", "whether", "unless" (wenn, falls, ob; om, ifall) is a
 * condition, not a statement, and is dropped ("if you need to visit a store, …").
 *
 * Negation: a match is dropped when a negation (not, n't, never, no …; nicht, kein …; inte,
 * ingen …) that the pattern does not spell out itself stands in it or just before it, or when
 * the English model marks its tokens as negated; `negation: ignore` turns that off.
 */
import { z } from "zod";
import { CategoryId, Lang } from "./toneEntries.js";

const SpeechPatternId = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]{0,79}$/,
    "expected a pattern id of lower-case letters, digits and -, e.g. must-visit-store",
  );
const SetName = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, "expected a set name of lower-case letters, digits and _, e.g. store");

export const SpeechPattern = z.strictObject({
  id: SpeechPatternId,
  category: CategoryId,
  why: z.string().min(1).meta({ description: "One line: why this wording breaks the category." }),
  citation: z.string().min(1).optional(),
  lang: Lang.default("en"),
  match: z.string().trim().min(1),
  unless: z.array(z.string().trim().min(1)).optional(),
  negation: z.enum(["forbid", "ignore"]).default("forbid"),
});
export type SpeechPattern = z.output<typeof SpeechPattern>;

export const SpeechSection = z
  .strictObject({
    sets: z.record(SetName, z.array(z.string().trim().min(1)).min(1)).optional(),
    patterns: z.array(SpeechPattern).optional(),
  })
  .meta({ description: "Patterns over lemmas for free speech; see src/policies/utterance/speechSchema.ts." });
export type SpeechSection = z.output<typeof SpeechSection>;

/** One word of a slot: the lemma or form it must equal, or start with (`prefix`). */
export interface SpeechWord {
  text: string;
  prefix: boolean;
}

export type SpeechSlot =
  /** One of `alternatives` (each a word sequence); an empty alternative makes the slot optional. */
  | { kind: "words"; alternatives: readonly (readonly SpeechWord[])[] }
  /** Up to `max` tokens that are not punctuation. */
  | { kind: "gap"; max: number };

export interface CompiledSpeechPattern {
  id: string;
  category: string;
  ruleId: string;
  why: string;
  citation?: string;
  lang: string;
  slots: readonly SpeechSlot[];
  /** Word sequences; any of them in the sentence cancels a match. */
  unless: readonly (readonly SpeechWord[])[];
  negation: "forbid" | "ignore";
  /** Whether the pattern spells out a negation itself (then the model's negation marks are not used). */
  negative: boolean;
  file: string;
}

/** Words that negate what follows, per language (English lemmas: n't is `not`). */
export const NEGATIONS: Readonly<Record<string, readonly string[]>> = {
  en: ["not", "n't", "never", "no", "none", "nobody", "nothing", "nowhere", "neither", "nor", "without"],
  de: [
    "nicht",
    "nichts",
    "kein",
    "keine",
    "keinen",
    "keinem",
    "keiner",
    "keines",
    "nie",
    "niemals",
    "nirgends",
    "ohne",
  ],
  sv: ["inte", "ej", "ingen", "inget", "inga", "ingenting", "aldrig", "utan"],
};

export const isNegation = (lang: string, word: string): boolean => NEGATIONS[lang]?.includes(word) ?? false;

const word = (w: string): SpeechWord =>
  w.length > 1 && w.endsWith("*") ? { text: w.slice(0, -1), prefix: true } : { text: w, prefix: false };

const words = (s: string): SpeechWord[] =>
  s
    .toLowerCase()
    .split(/\s+/u)
    .filter((w) => w.length > 0)
    .map(word);

/** Splits `match` into its top-level items, keeping `{…}` groups whole. */
function items(match: string): string[] | string {
  const out: string[] = [];
  let i = 0;
  while (i < match.length) {
    if (/\s/u.test(match[i] as string)) {
      i++;
      continue;
    }
    if (match[i] === "{") {
      const close = match.indexOf("}", i);
      if (close < 0) return `unclosed "{" at character ${i + 1}`;
      if (match.slice(i + 1, close).includes("{")) return `nested "{" at character ${i + 1}`;
      out.push(match.slice(i, close + 1));
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < match.length && !/\s/u.test(match[j] as string)) j++;
    const item = match.slice(i, j);
    if (item.includes("{") || item.includes("}")) return `"${item}": put a space around {…}`;
    out.push(item);
    i = j;
  }
  return out;
}

/**
 * Parses a pattern's `match` with the named `sets`. Returns the slots or a message naming
 * what is wrong (an unknown set, a bad gap, a pattern that could match nothing at all).
 */
export function parseSpeechMatch(
  match: string,
  sets: Readonly<Record<string, readonly string[]>>,
): SpeechSlot[] | string {
  const list = items(match);
  if (typeof list === "string") return list;
  const slots: SpeechSlot[] = [];
  for (const item of list) {
    if (item.startsWith("~")) {
      const max = Number(item.slice(1));
      if (!Number.isInteger(max) || max < 1 || max > 8) return `"${item}": a gap is ~1 to ~8`;
      slots.push({ kind: "gap", max });
    } else if (item.startsWith("@")) {
      const set = sets[item.slice(1)];
      if (!set) return `unknown set "${item}" (define it under speech.sets)`;
      slots.push({ kind: "words", alternatives: set.map(words) });
    } else if (item.startsWith("{")) {
      if (/(?:^|[\s|])[~@]/u.test(item.slice(1, -1)))
        return `"${item}": no gap or set inside {…}; write two patterns`;
      const alternatives = item.slice(1, -1).split("|").map(words);
      if (alternatives.length < 2 && alternatives[0]?.length === 0) return `"${item}" is empty`;
      slots.push({ kind: "words", alternatives });
    } else if (item === "*") return `"*" alone: write ~1 for any one token`;
    else slots.push({ kind: "words", alternatives: [[word(item.toLowerCase())]] });
  }
  const required = slots.filter((s) => s.kind === "words" && s.alternatives.every((a) => a.length > 0));
  if (required.length === 0) return "the pattern needs at least one slot that is not optional";
  if (slots[0]?.kind === "gap" || slots.at(-1)?.kind === "gap")
    return "a pattern cannot start or end with a gap";
  return slots;
}

/** Whether any word of the slots is a negation of `lang` (the pattern spells it out). */
export function spellsNegation(slots: readonly SpeechSlot[], lang: string): boolean {
  return slots.some(
    (s) => s.kind === "words" && s.alternatives.some((a) => a.some((w) => isNegation(lang, w.text))),
  );
}

/** The speech patterns of a tone, compiled, and the negated obligations (set `negated_obligation`). */
export interface CompiledSpeech {
  patterns: readonly CompiledSpeechPattern[];
  /**
   * Word sequences (set `negated_obligation`: "do not have to", "müssen nicht" …): a tone
   * finding of the phrases and patterns whose match contains one is dropped by the speech
   * checker, as a negated obligation is not obstruction.
   */
  negatedObligations: readonly (readonly SpeechWord[])[];
}

export interface SpeechDefinition {
  sets: Record<string, string[]>;
  patterns: { value: SpeechPattern; file: string }[];
}

/**
 * Merges `section` into `base` (sets: entries appended; patterns: appended) and compiles
 * every pattern. `report(path, ruleId, message)` gets each problem; `categories` are the
 * tone categories a pattern may name.
 */
export function compileSpeech(
  base: SpeechDefinition | undefined,
  section: SpeechSection | undefined,
  file: string,
  categories: ReadonlySet<string>,
  report: (path: PropertyKey[], ruleId: string, message: string) => void,
): { definition: SpeechDefinition; speech: CompiledSpeech } {
  const sets: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(base?.sets ?? {})) sets[k] = [...v];
  for (const [k, v] of Object.entries(section?.sets ?? {}))
    sets[k] = [...new Set([...(sets[k] ?? []), ...v])];
  const known = new Set((base?.patterns ?? []).map((p) => p.value.id));
  const added = (section?.patterns ?? []).map((value) => ({ value, file }));
  for (const [i, p] of added.entries()) {
    const ruleId = `${p.value.category}/${p.value.id}`;
    if (known.has(p.value.id))
      report(["speech", "patterns", i, "id"], ruleId, `speech pattern ${p.value.id} is already defined`);
    known.add(p.value.id);
    if (!categories.has(p.value.category))
      report(["speech", "patterns", i, "category"], ruleId, `unknown tone category ${p.value.category}`);
    const slots = parseSpeechMatch(p.value.match, sets);
    if (typeof slots === "string") report(["speech", "patterns", i, "match"], ruleId, slots);
    for (const [ui, u] of (p.value.unless ?? []).entries())
      if (words(u).length === 0) report(["speech", "patterns", i, "unless", ui], ruleId, "empty unless");
  }
  const definition: SpeechDefinition = { sets, patterns: [...(base?.patterns ?? []), ...added] };
  const patterns: CompiledSpeechPattern[] = [];
  for (const { value: p, file: from } of definition.patterns) {
    const slots = parseSpeechMatch(p.match, sets);
    if (typeof slots === "string") continue; // reported above (or when its pack was compiled)
    patterns.push({
      id: p.id,
      category: p.category,
      ruleId: `tone.${p.category}.${p.id}`,
      why: p.why,
      ...(p.citation ? { citation: p.citation } : {}),
      lang: p.lang,
      slots,
      unless: (p.unless ?? []).map(words),
      negation: p.negation,
      negative: spellsNegation(slots, p.lang),
      file: from,
    });
  }
  const negatedObligations = (sets.negated_obligation ?? []).map(words);
  return { definition, speech: { patterns, negatedObligations } };
}
