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
import type { CompiledTone } from "./compiledTone.js";
import { cancelContradictions, offerContradictions, unlockContradictions } from "./contradictions.js";
import { feeContradictions } from "./feeContradictions.js";
import type { CheckedText, Finding } from "./finding.js";
import { lowerSameLength } from "./phrase.js";
import type { SieveHits } from "./sieve.js";
import { normalizeForMatching, sentenceRanges } from "./text.js";
import { toneFindings } from "./toneFindings.js";
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
  const key = toneKey(ctx.speaker, text);
  const known = toneCacheOf(policy.tone).get(key);
  const contradictions = ctx.decision !== undefined || ctx.ledger !== undefined;
  if (known && !contradictions) return [...known];
  const lower = lowerSameLength(normalizeForMatching(text));
  const t: CheckedText = { text, lower, sentences: sentenceRanges(lower), lexicon: undefined };
  let tone = known;
  if (!tone) {
    // One scan for the tone and, when needed, the contradiction lexicon (the tone's sieve has both).
    const hits = policy.tone.sieve.scan(lower, { places: contradictions });
    if (contradictions) t.lexicon = hits;
    tone = cachedToneFindings(t, policy.tone, ctx.speaker, hits, key);
  }
  const out: Finding[] = tone.slice();
  if (ctx.decision) {
    pushAll(out, feeContradictions(t, ctx.decision));
    pushAll(out, unlockContradictions(t, ctx.decision));
    pushAll(out, cancelContradictions(t, ctx.decision));
  }
  pushAll(out, offerContradictions(t, ctx.decision, ctx.ledger));
  return out.length > 1 ? out.sort(inTextOrder) : out;
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

function pushAll(out: Finding[], more: readonly Finding[]): void {
  for (const f of more) out.push(f);
}

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
  hits: SieveHits,
  key: string,
): readonly Finding[] {
  const cache = toneCacheOf(tone);
  const found = Object.freeze(toneFindings(t, tone, speaker, hits).sort(inTextOrder));
  if (cache.size >= TONE_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, found);
  return found;
}
