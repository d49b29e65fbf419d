/**
 * Checks one message of the bot (before it is sent) or of a human agent (as they speak, for
 * the assist card) against the compiled tone rules and, when given, the Decision and the
 * obligation ledger. Pure and fast: every regular expression was compiled by `compileTone`
 * or at module load; no clock, no I/O, no model.
 *
 * @example
 * import { checkUtterance } from "./checkUtterance.js";
 * const findings = checkUtterance({ tone }, "Last chance! This offer expires in 10 minutes.", { speaker: "bot" });
 * // [{ kind: "tone", category: "pressure_false_urgency", span: { text: "Last chance", … }, … }, …]
 */
import type { Decision } from "../decision.js";
import type { Ledger } from "../ledger.js";
import type { CompiledCategory, CompiledTone, PhraseBucket } from "./compiledTone.js";
import { cancelContradictions, offerContradictions, unlockContradictions } from "./contradictions.js";
import { feeContradictions } from "./feeContradictions.js";
import type { CheckedText, Finding } from "./finding.js";
import { lowerSameLength } from "./phrase.js";
import { normalizeForMatching, overlaps, type Range, rangeAt, sentenceRanges, wordsOf } from "./text.js";
import type { UtteranceSpeaker } from "./toneSchema.js";

export type { Finding } from "./finding.js";

export interface UtteranceContext {
  speaker: UtteranceSpeaker;
  decision?: Decision;
  ledger?: Ledger;
}

/** Every tone problem and every contradiction with the decision, in text order. */
export function checkUtterance(
  policy: { tone: CompiledTone },
  text: string,
  ctx: UtteranceContext,
): Finding[] {
  const known = toneCacheOf(policy.tone).get(toneKey(ctx.speaker, text));
  if (known && !ctx.decision && !ctx.ledger) return [...known];
  const lower = lowerSameLength(normalizeForMatching(text));
  const t: CheckedText = { text, lower, sentences: sentenceRanges(lower) };
  const out: Finding[] = [...(known ?? cachedToneFindings(t, policy.tone, ctx.speaker))];
  if (ctx.decision) {
    out.push(...feeContradictions(t, ctx.decision));
    out.push(...unlockContradictions(t, ctx.decision));
    out.push(...cancelContradictions(t, ctx.decision));
  }
  out.push(...offerContradictions(t, ctx.decision, ctx.ledger));
  return out.sort(inTextOrder);
}

/**
 * Tone findings depend on the text, the speaker and the tone rules only, and the bot says the
 * same phrases and policy texts over and over: they are remembered per compiled tone (a
 * reloaded policy starts afresh), a bounded number of texts each.
 */
const TONE_CACHE_SIZE = 4096;
const toneCache = new WeakMap<CompiledTone, Map<string, readonly Finding[]>>();

const inTextOrder = (a: Finding, b: Finding): number =>
  a.span.start - b.span.start || a.span.end - b.span.end;

const toneKey = (speaker: UtteranceSpeaker, text: string): string => `${speaker}\u0000${text}`;

function toneCacheOf(tone: CompiledTone): Map<string, readonly Finding[]> {
  let cache = toneCache.get(tone);
  if (!cache) {
    cache = new Map();
    toneCache.set(tone, cache);
  }
  return cache;
}

function cachedToneFindings(
  t: CheckedText,
  tone: CompiledTone,
  speaker: UtteranceSpeaker,
): readonly Finding[] {
  const cache = toneCacheOf(tone);
  const found = Object.freeze(toneFindings(t, tone, speaker).sort(inTextOrder));
  if (cache.size >= TONE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(toneKey(speaker, t.text), found);
  return found;
}

interface Hit extends Range {
  ruleId: string;
  rule: string;
}

function toneFindings(t: CheckedText, tone: CompiledTone, speaker: UtteranceSpeaker): Finding[] {
  const active = tone.categories.map((c) => c.speakers.includes(speaker));
  const hits: Hit[][] = tone.categories.map(() => []);
  const add = (category: number, h: Hit): void => {
    const list = hits[category];
    if (list && !list.some((x) => overlaps(x, h))) list.push(h);
  };
  const index = tone.phraseIndex;
  const tryBucket = (b: PhraseBucket, start: number): void => {
    const category = tone.categories[b.category];
    if (!category || !active[b.category]) return;
    b.regex.lastIndex = start;
    const m = b.regex.exec(t.lower);
    b.regex.lastIndex = 0;
    if (!m) return;
    const phrase = b.phrases
      .map((i) => category.phrases[i])
      .find((p) => p && matchesAt(p.regex, t.lower, start));
    add(b.category, {
      start,
      end: start + m[0].length,
      ruleId: `tone.${category.id}.phrase.${phrase?.lang ?? "any"}`,
      rule: phrase ? `phrase "${phrase.text}"` : "a phrase",
    });
  };
  for (const w of wordsOf(t.lower)) {
    const byWord = index.byWord.get(w.word);
    if (byWord && matchesAt(byWord.any, t.lower, w.start))
      for (const b of byWord.buckets) tryBucket(b, w.start);
    for (const b of index.any) tryBucket(b, w.start);
    for (const s of index.stems) if (w.word.startsWith(s.stem)) tryBucket(s.bucket, w.start);
  }
  tone.categories.forEach((category, ci) => {
    if (!active[ci]) return;
    for (const p of category.patterns) {
      forEachMatch(p.regex, t.lower, (start, end) => {
        const sentence = rangeAt(t.sentences, start);
        if (p.unless?.test(t.lower.slice(sentence.start, sentence.end))) return;
        add(ci, { start, end, ruleId: `tone.${category.id}.${p.id}`, rule: `pattern ${p.id}` });
      });
    }
  });
  const out: Finding[] = [];
  tone.categories.forEach((category, ci) => {
    for (const h of hits[ci] ?? []) {
      if (excepted(t, category, h)) continue;
      const quote = t.text.slice(h.start, h.end);
      out.push({
        kind: "tone",
        category: category.id,
        ruleId: h.ruleId,
        span: { start: h.start, end: h.end, text: quote },
        message: `${category.description} "${quote}" (${h.rule}; ${category.citation})`,
        alternative: category.alternative,
      });
    }
  });
  return out;
}

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  const ok = re.test(text);
  re.lastIndex = 0;
  return ok;
}

function excepted(t: CheckedText, category: CompiledCategory, h: Range): boolean {
  const s = rangeAt(t.sentences, h.start);
  const sentence = t.lower.slice(s.start, s.end);
  if (category.sentenceException?.test(sentence)) return true;
  if (!category.spanException) return false;
  let found = false;
  forEachMatch(category.spanException, sentence, (start, end) => {
    if (overlaps({ start: s.start + start, end: s.start + end }, h)) found = true;
  });
  return found;
}

/** Runs a global regex over `text`, calling `fn` for each non-empty match. */
function forEachMatch(re: RegExp, text: string, fn: (start: number, end: number) => void): void {
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex = m.index + 1;
      continue;
    }
    fn(m.index, m.index + m[0].length);
  }
  re.lastIndex = 0;
}
