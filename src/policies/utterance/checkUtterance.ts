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
import type { Decision } from "../../domain/decision.js";
import type { Ledger } from "../../domain/ledger.js";
import type { CompiledTone } from "./compiledTone.js";
import { cancelContradictions, unlockContradictions } from "./contradictions.js";
import { feeContradictions } from "./feeContradictions.js";
import type { CheckedText, Finding, KnownText } from "./finding.js";
import { offerContradictions } from "./offerContradictions.js";
import { lowerSameLength } from "./phrase.js";
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
  const contradictions = ctx.decision !== undefined || ctx.ledger !== undefined;
  const cached = policy.tone.knownTexts.get(key);
  const [tone, t] = cached
    ? [cached.tone, contradictions ? splitOnce(cached) : undefined]
    : analyse(policy.tone, text, ctx.speaker, key, contradictions);
  if (!t) return [...tone];
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
 * How many texts a compiled tone remembers (`CompiledTone.knownTexts`). Only the comparison
 * with a decision and a ledger is done per check. The split text is kept from the second check
 * of a text on: a text checked once (an agent's words, a receipt with its reference) keeps
 * only its findings, a few hundred bytes instead of a few KiB.
 */
const TEXT_CACHE_SIZE = 4096;

const inTextOrder = (a: Finding, b: Finding): number =>
  a.span.start - b.span.start || a.span.end - b.span.end;

const toneKey = (speaker: UtteranceSpeaker, text: string): string => `${speaker}\u0000${text}`;

function pushAll(out: Finding[], more: readonly Finding[]): void {
  for (const f of more) out.push(f);
}

function split(text: string): CheckedText {
  const lower = lowerSameLength(normalizeForMatching(text));
  return { text, lower, sentences: sentenceRanges(lower), lexicon: undefined };
}

/** The split text of a text checked before, kept from now on. */
function splitOnce(known: KnownText): CheckedText {
  known.t ??= split(known.text);
  return known.t;
}

function analyse(
  tone: CompiledTone,
  text: string,
  speaker: UtteranceSpeaker,
  key: string,
  contradictions: boolean,
): [readonly Finding[], CheckedText | undefined] {
  const t = split(text);
  // One scan for the tone and, when needed, the contradiction lexicon (the tone's sieve has both).
  const hits = tone.sieve.scan(t.lower, { places: contradictions });
  if (contradictions) t.lexicon = hits;
  const found = Object.freeze(toneFindings(t, tone, speaker, hits).sort(inTextOrder));
  const cache = tone.knownTexts;
  if (cache.size >= TEXT_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(key, { tone: found, text });
  return [found, contradictions ? t : undefined];
}
