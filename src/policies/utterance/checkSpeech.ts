/**
 * Checks free human speech (an agent's words in agent assist): everything `checkUtterance`
 * finds, plus the tone's speech patterns over lemmas (speechSchema.ts), which generalise over
 * wording the phrase lists never saw. Pure: the lemmatiser is passed in (src/guardrails binds
 * the wink-nlp one and exports `checkSpeech(policy, text, ctx)`).
 */
import { checkUtterance, type UtteranceContext } from "./checkUtterance.js";
import type { CompiledCategory, CompiledTone } from "./compiledTone.js";
import type { Finding } from "./finding.js";
import { lowerSameLength } from "./phrase.js";
import { reportedAndCorrected } from "./reportedSpeech.js";
import {
  containsSequence,
  type Lemmatiser,
  matchSpeech,
  negatedOrConditionalAt,
  type SpeechMatch,
  type SpeechSentence,
} from "./speechMatch.js";
import type { CompiledSpeechPattern, SpeechWord } from "./speechSchema.js";
import { normalizeForMatching, overlaps } from "./text.js";

export interface SpeechContext extends UtteranceContext {
  /**
   * The language spoken (`en`, `de`, `sv` …): only its speech patterns are tried. When absent,
   * every language's patterns are tried (English with the model, the others on plain words).
   */
  lang?: string;
}

/** `checkUtterance`'s findings plus the speech patterns' tone findings, without duplicates, in text order. */
export function checkSpeechWith(
  lemmatiser: Lemmatiser,
  policy: { tone: CompiledTone },
  text: string,
  ctx: SpeechContext,
): Finding[] {
  const found = checkUtterance(policy, text, ctx);
  // The text is split once per language for this check (the speech patterns and the negation
  // test of checkUtterance's findings both need it).
  const split = new Map<string, readonly SpeechSentence[]>();
  const lemmatise: Lemmatiser = (t, lang) => {
    if (t !== text) return lemmatiser(t, lang);
    const known = split.get(lang) ?? lemmatiser(t, lang);
    split.set(lang, known);
    return known;
  };
  const speech = speechFindings(lemmatise, policy.tone, text, ctx);
  const out = found.some((f) => f.kind === "tone")
    ? found.filter((f) => !negatedInSpeech(lemmatise, policy.tone, text, f, ctx.lang))
    : found.slice();
  for (const f of speech)
    if (!out.some((g) => g.kind === "tone" && g.category === f.category && overlaps(g.span, f.span)))
      out.push(f);
  const reported = withoutCorrectedReports(out, text, ctx.lang);
  return reported.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}

/**
 * Drops the tone findings on words the agent reports from someone else and corrects in the
 * same turn ("my colleague told you it had to be in writing, it doesn't"; reportedSpeech.ts).
 */
function withoutCorrectedReports(found: Finding[], text: string, lang: string | undefined): Finding[] {
  if (!found.some((f) => f.kind === "tone")) return found;
  const lower = lowerSameLength(normalizeForMatching(text));
  return found.filter((f) => f.kind !== "tone" || !reportedAndCorrected(lower, lang, f.span));
}

/** The speech patterns that apply to one speaker and language setting, by language. */
interface ActivePatterns {
  categories: ReadonlyMap<string, CompiledCategory>;
  /** In the order the languages first occur among the patterns; each list in pattern order. */
  byLang: readonly (readonly [string, readonly CompiledSpeechPattern[]])[];
}

/**
 * The active pattern lists per compiled tone and `speaker|lang`, built once: a structure of the
 * rules (not a memo of results), and the same array every time, so speechMatch.ts builds the
 * index of each list once.
 */
const activeByTone = new WeakMap<CompiledTone, Map<string, ActivePatterns>>();

function activePatterns(tone: CompiledTone, ctx: SpeechContext): ActivePatterns {
  const byKey = activeByTone.get(tone) ?? new Map<string, ActivePatterns>();
  activeByTone.set(tone, byKey);
  const key = `${ctx.speaker}|${ctx.lang ?? ""}`;
  const known = byKey.get(key);
  if (known) return known;
  const categories = new Map(tone.categories.map((c) => [c.id, c]));
  const active = tone.speech.patterns.filter(
    (p) =>
      (ctx.lang === undefined || p.lang === ctx.lang) &&
      categories.get(p.category)?.speakers.includes(ctx.speaker),
  );
  const langs = [...new Set(active.map((p) => p.lang))];
  const made: ActivePatterns = {
    categories,
    byLang: langs.map((lang) => [lang, active.filter((p) => p.lang === lang)] as const),
  };
  // Kept only for a language some pattern speaks: the `lang` of an utterance comes from outside.
  if (made.byLang.length > 0) byKey.set(key, made);
  return made;
}

/** The speech patterns' tone findings alone (one per category and sentence span). */
export function speechFindings(
  lemmatise: Lemmatiser,
  tone: CompiledTone,
  text: string,
  ctx: SpeechContext,
): Finding[] {
  const { categories, byLang } = activePatterns(tone, ctx);
  if (byLang.length === 0) return [];
  let lower: string | undefined; // made on the first match: most texts have none
  const out: Finding[] = [];
  for (const [lang, patterns] of byLang) {
    const sentences = lemmatise(text, lang);
    for (const m of matchSpeech(patterns, sentences)) {
      const category = categories.get(m.pattern.category) as CompiledCategory;
      lower ??= lowerSameLength(normalizeForMatching(text));
      if (excepted(category, lower, m)) continue;
      const span = { start: m.start, end: m.end };
      if (out.some((f) => f.category === category.id && overlaps(f.span, span))) continue;
      const quote = text.slice(m.start, m.end);
      out.push({
        kind: "tone",
        category: category.id,
        ruleId: m.pattern.ruleId,
        span: { ...span, text: quote },
        message: `${category.description} "${quote}" (speech pattern ${m.pattern.id}: ${m.pattern.why}; ${m.pattern.citation ?? category.citation})`,
        alternative: category.alternative,
      });
    }
  }
  return out;
}

/**
 * Whether a tone finding of the phrases and patterns (checkUtterance) is negated or a
 * condition in speech: a negation or "if" just before it ("there's nothing you have to decide
 * today"), or a negated obligation inside it ("Sie müssen nicht in eine Filiale").
 */
function negatedInSpeech(
  lemmatise: Lemmatiser,
  tone: CompiledTone,
  text: string,
  f: Finding,
  lang: string | undefined,
): boolean {
  if (f.kind !== "tone") return false;
  const langs = lang ? [lang] : ["en"];
  if (langs.some((l) => negatedOrConditionalAt(lemmatise(text, l), l, f.span.start))) return true;
  const vetoes = tone.speech.negatedObligations;
  return vetoes.length > 0 && negatedObligation(lemmatise, vetoes, f, lang);
}

/** Whether the finding's words contain a negated obligation ("müssen nicht", "do not have to"). */
function negatedObligation(
  lemmatise: Lemmatiser,
  vetoes: readonly (readonly SpeechWord[])[],
  f: Finding,
  lang: string | undefined,
): boolean {
  const langs = lang ? [lang] : ["en", "de", "sv"];
  return langs.some((l) =>
    lemmatise(f.span.text, l).some((s) => vetoes.some((v) => containsSequence(s.tokens, v))),
  );
}

/** The category's near-miss exceptions (tone section) apply to speech findings too. */
function excepted(category: CompiledCategory, lower: string, m: SpeechMatch): boolean {
  const sentence = lower.slice(m.sentence.start, m.sentence.end);
  if (category.sentenceException?.test(sentence)) return true;
  const span = category.spanException;
  if (!span) return false;
  span.lastIndex = 0;
  for (let x = span.exec(sentence); x !== null; x = span.exec(sentence)) {
    if (x[0].length === 0) {
      span.lastIndex = x.index + 1;
      continue;
    }
    const r = { start: m.sentence.start + x.index, end: m.sentence.start + x.index + x[0].length };
    if (overlaps(r, m)) {
      span.lastIndex = 0;
      return true;
    }
  }
  span.lastIndex = 0;
  return false;
}
