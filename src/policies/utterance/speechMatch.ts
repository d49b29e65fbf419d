/**
 * Matches speech patterns (speechSchema.ts) against a text already split into sentences of
 * tokens with lemmas and negation marks. Pure: the tokens come from a `Lemmatiser` passed in
 * (src/guardrails/speech/lemmatise.ts wraps wink-nlp for English; other languages get plain
 * lower-cased words), so this file knows no NLP library.
 */
import { type CompiledSpeechPattern, isNegation, type SpeechSlot, type SpeechWord } from "./speechSchema.js";

/** One token of a sentence: offsets into the checked text (end exclusive). */
export interface SpeechToken {
  /** Lemma (lower case): `be` for is/'s/were, `not` for n't. For de/sv the word itself. */
  lemma: string;
  /** The token as written, lower case. */
  word: string;
  start: number;
  end: number;
  /** The model marks it as under a negation (English only). */
  negated: boolean;
  punctuation: boolean;
}

export interface SpeechSentence {
  start: number;
  end: number;
  tokens: readonly SpeechToken[];
}

/** Splits a text into sentences of tokens, for one language (`en`, `de`, `sv` …). */
export type Lemmatiser = (text: string, lang: string) => readonly SpeechSentence[];

export interface SpeechMatch {
  pattern: CompiledSpeechPattern;
  sentence: SpeechSentence;
  start: number;
  end: number;
}

const matchesWord = (w: SpeechWord, t: SpeechToken): boolean =>
  w.prefix
    ? t.lemma.startsWith(w.text) || t.word.startsWith(w.text)
    : t.lemma === w.text || t.word === w.text;

/** `$` in a pattern: the end of the sentence or a punctuation mark there (consumes nothing); `^`: its start. */
const atEnd = (tokens: readonly SpeechToken[], ti: number): boolean =>
  ti >= tokens.length || (tokens[ti] as SpeechToken).punctuation;

/** Whether the alternative `alt` matches at `ti`, and how many tokens it takes. */
function altLength(alt: readonly SpeechWord[], tokens: readonly SpeechToken[], ti: number): number {
  if (alt.length === 1 && alt[0]?.text === "$" && !alt[0].prefix) return atEnd(tokens, ti) ? 0 : -1;
  if (alt.length === 1 && alt[0]?.text === "^" && !alt[0].prefix) return ti === 0 ? 0 : -1;
  for (let k = 0; k < alt.length; k++) {
    const t = tokens[ti + k];
    if (!t || !matchesWord(alt[k] as SpeechWord, t)) return -1;
  }
  return alt.length;
}

/**
 * The token indexes the words of the match being tried consumed (gaps consume none). A scratch
 * buffer reused by every match, so a try allocates nothing; after a successful `matchSlots` it
 * holds that match's tokens until the next try.
 */
const consumed: number[] = [];

/**
 * Matches `slots[si…]` from token `ti`: the token index after the match, or -1. Backtracks in
 * order (gaps shortest first, alternatives in order), so the first match found is the one kept.
 * A failed try leaves `consumed` as it found it.
 */
function matchFrom(
  slots: readonly SpeechSlot[],
  si: number,
  tokens: readonly SpeechToken[],
  ti: number,
): number {
  const slot = slots[si];
  if (!slot) return ti;
  if (slot.kind === "gap") {
    for (let skip = 0; skip <= slot.max; skip++) {
      const t = tokens[ti + skip - 1];
      if (skip > 0 && (!t || t.punctuation)) break;
      const end = matchFrom(slots, si + 1, tokens, ti + skip);
      if (end >= 0) return end;
    }
    return -1;
  }
  for (const alt of slot.alternatives) {
    const length = altLength(alt, tokens, ti);
    if (length < 0) continue;
    const mark = consumed.length;
    for (let k = 0; k < length; k++) consumed.push(ti + k);
    const end = matchFrom(slots, si + 1, tokens, ti + length);
    if (end >= 0) return end;
    consumed.length = mark;
  }
  return -1;
}

/**
 * The first (leftmost, then shortest by backtracking order) match of `slots` from token `at`:
 * the token index after it, or -1 (also for a match of no tokens). Its tokens are in `consumed`.
 */
function matchSlots(slots: readonly SpeechSlot[], tokens: readonly SpeechToken[], at: number): number {
  consumed.length = 0;
  const next = matchFrom(slots, 0, tokens, at);
  return next === at ? -1 : next;
}

/** How many tokens before a match are looked at for a negation ("never do you have to …"). */
const NEGATION_LOOKBACK = 2;

/**
 * Words (or two-word phrases) that make what follows a condition or a question of fact, not a
 * statement ("if you need to visit a store …"), per language. A pattern that starts with one of them is not affected.
 */
const CONDITIONS: Readonly<Record<string, readonly string[]>> = {
  en: ["if", "whether", "unless", "in case"],
  de: ["wenn", "falls", "ob"],
  sv: ["om", "ifall"],
};

/** A condition word in the two tokens before the match (not across punctuation). */
function conditional(p: CompiledSpeechPattern, tokens: readonly SpeechToken[], from: number): boolean {
  return conditionBefore(p.lang, tokens, from);
}

/** A condition word ("if", "whether" …) in the two tokens before token `from` (not across punctuation). */
function conditionBefore(lang: string, tokens: readonly SpeechToken[], from: number): boolean {
  const words = CONDITIONS[lang] ?? [];
  for (let i = from - 1; i >= Math.max(0, from - 2); i--) {
    const t = tokens[i] as SpeechToken;
    if (t.punctuation) return false;
    const before = tokens[i - 1];
    if (words.includes(t.word) || (before && words.includes(`${before.word} ${t.word}`))) return true;
  }
  return false;
}

/**
 * Whether the words just before offset `at` of the text (two tokens, not across punctuation)
 * negate or condition what follows: "there's nothing you have to decide today", "if you need
 * to visit a store". Used for the phrase and pattern findings of the tone in speech.
 */
export function negatedOrConditionalAt(
  sentences: readonly SpeechSentence[],
  lang: string,
  at: number,
): boolean {
  const sentence = sentences.find((s) => s.start <= at && at < s.end);
  if (!sentence) return false;
  const { tokens } = sentence;
  const from = tokens.findIndex((t) => t.start >= at);
  if (from <= 0) return false;
  if (conditionBefore(lang, tokens, from)) return true;
  for (let i = from - 1; i >= Math.max(0, from - NEGATION_LOOKBACK); i--) {
    const t = tokens[i] as SpeechToken;
    if (t.punctuation) return false;
    if (isNegation(lang, t.lemma) || isNegation(lang, t.word)) return true;
  }
  return false;
}

/** Whether the match of `p` from `from` to `next` (its words' tokens in `consumed`) is negated or a condition. */
function negatedRun(
  p: CompiledSpeechPattern,
  tokens: readonly SpeechToken[],
  from: number,
  next: number,
): boolean {
  if (conditional(p, tokens, from)) return true;
  if (p.negation === "ignore") return false;
  for (let i = Math.max(0, from - NEGATION_LOOKBACK); i < next; i++) {
    const t = tokens[i] as SpeechToken;
    if (i < from && t.punctuation) continue;
    if (!consumed.includes(i) && (isNegation(p.lang, t.lemma) || isNegation(p.lang, t.word))) return true;
    // The model's mark: under a negation that the pattern does not spell out itself.
    if (i >= from && t.negated && !p.negative) return true;
  }
  return false;
}

/** Whether `words` occur one after the other somewhere in `tokens`. */
export function containsSequence(tokens: readonly SpeechToken[], words: readonly SpeechWord[]): boolean {
  for (let i = 0; i + words.length <= tokens.length; i++) if (sequenceAt(tokens, words, i)) return true;
  return false;
}

const sequenceAt = (tokens: readonly SpeechToken[], words: readonly SpeechWord[], i: number): boolean => {
  for (let k = 0; k < words.length; k++)
    if (!matchesWord(words[k] as SpeechWord, tokens[i + k] as SpeechToken)) return false;
  return true;
};

/**
 * The patterns of a list by the words a match can start with (the first slot's first words),
 * so a sentence tries at each token only the patterns that can start there. Patterns are named
 * by their position in the list. Built once per compiled list (a structure of the rules, not a
 * memo of results): callers pass the same array for the same rules (checkSpeech.ts keeps them).
 */
interface StartIndex {
  patterns: readonly CompiledSpeechPattern[];
  /** Lemma or word -> the patterns whose first slot can start with exactly it. */
  exact: Map<string, number[]>;
  /** First words given as a prefix (`word*`), with their pattern, tried on every token. */
  prefixes: { text: string; pattern: number }[];
  /** Patterns whose first slot is optional or a sentence mark: tried at every token. */
  anywhere: number[];
  /**
   * Per pattern, its later slots that must take a token of their own, each as the words one of
   * which that token must be (the first words of its alternatives): a sentence without one of
   * them cannot match, so the pattern is not tried in it (a necessary condition only).
   */
  anchors: (readonly string[])[][];
  /** Every anchor word -> the last `sentenceTick` whose sentence has it as a lemma or a word. */
  present: Map<string, number>;
  /** Per pattern, the last `tick` at which it was collected as a candidate (dedup without a Set). */
  seen: Int32Array;
  /** Per pattern, the last `sentenceTick` in which it matched or was cancelled: not tried again there. */
  done: Int32Array;
  tick: number;
  sentenceTick: number;
}

const indexes = new WeakMap<readonly CompiledSpeechPattern[], StartIndex>();

function startIndex(patterns: readonly CompiledSpeechPattern[]): StartIndex {
  const known = indexes.get(patterns);
  if (known) return known;
  const index: StartIndex = {
    patterns,
    exact: new Map(),
    prefixes: [],
    anywhere: [],
    anchors: patterns.map(anchorsOf),
    present: new Map(),
    seen: new Int32Array(patterns.length),
    done: new Int32Array(patterns.length),
    tick: 0,
    sentenceTick: 0,
  };
  for (const [k, p] of patterns.entries()) {
    const first = p.slots[0];
    const words = first?.kind === "words" ? first.alternatives.map((a) => a[0]) : [];
    if (words.length === 0 || words.some((w) => !w || (!w.prefix && (w.text === "$" || w.text === "^")))) {
      index.anywhere.push(k);
      continue;
    }
    for (const w of words as SpeechWord[]) {
      if (w.prefix) index.prefixes.push({ text: w.text, pattern: k });
      else {
        const list = index.exact.get(w.text) ?? [];
        if (!list.includes(k)) list.push(k);
        index.exact.set(w.text, list);
      }
    }
  }
  for (const slot of index.anchors.flat()) for (const w of slot) index.present.set(w, 0);
  indexes.set(patterns, index);
  return index;
}

const isMark = (w: SpeechWord | undefined): boolean => !w || w.prefix || w.text === "$" || w.text === "^";

/**
 * The slots after the first that take at least one token whose lemma or word equals one of
 * known words: no empty alternative, and no alternative starting with a prefix or a mark.
 */
function anchorsOf(p: CompiledSpeechPattern): string[][] {
  const out: string[][] = [];
  for (const slot of p.slots.slice(1)) {
    if (slot.kind !== "words" || slot.alternatives.some((a) => isMark(a[0]))) continue;
    out.push(slot.alternatives.map((a) => (a[0] as SpeechWord).text));
  }
  return out;
}

/** Marks the anchor words the sentence has (as lemma or word) with the current `sentenceTick`. */
function markPresent(index: StartIndex, tokens: readonly SpeechToken[]): void {
  for (const t of tokens) {
    if (index.present.has(t.lemma)) index.present.set(t.lemma, index.sentenceTick);
    if (index.present.has(t.word)) index.present.set(t.word, index.sentenceTick);
  }
}

/** Whether every anchor slot of pattern `k` has one of its words in the current sentence. */
function anchored(index: StartIndex, k: number): boolean {
  for (const slot of index.anchors[k] as string[][]) {
    let found = false;
    for (const w of slot) if (index.present.get(w) === index.sentenceTick) found = true;
    if (!found) return false;
  }
  return true;
}

/** Restarts the ticks (and their marks) long before an Int32 would overflow. */
function nextTicks(index: StartIndex): void {
  if (index.tick < 0x3fffffff && index.sentenceTick < 0x3fffffff) return;
  index.seen.fill(0);
  index.done.fill(0);
  index.tick = 0;
  index.sentenceTick = 0;
}

/** Adds pattern `k` to `out` unless it is there already for this token. */
function collect(index: StartIndex, k: number, out: number[]): void {
  if (index.seen[k] === index.tick) return;
  index.seen[k] = index.tick;
  out.push(k);
}

/**
 * The patterns that may start at token `t`, into `out` (emptied first): those tried anywhere,
 * then those starting with its lemma, with its word, with a prefix of either, each once.
 */
function candidates(index: StartIndex, t: SpeechToken, out: number[]): void {
  out.length = 0;
  index.tick++;
  for (const k of index.anywhere) collect(index, k, out);
  for (const k of index.exact.get(t.lemma) ?? NONE) collect(index, k, out);
  if (t.word !== t.lemma) for (const k of index.exact.get(t.word) ?? NONE) collect(index, k, out);
  for (const x of index.prefixes)
    if (t.lemma.startsWith(x.text) || t.word.startsWith(x.text)) collect(index, x.pattern, out);
}

const NONE: readonly number[] = [];
/** The candidates of the current token (a scratch buffer reused at every token). */
const tried: number[] = [];

/** Every match of `patterns` in `sentences`, one per pattern and sentence at most, in text order. */
export function matchSpeech(
  patterns: readonly CompiledSpeechPattern[],
  sentences: readonly SpeechSentence[],
): SpeechMatch[] {
  const index = startIndex(patterns);
  const out: SpeechMatch[] = [];
  for (const sentence of sentences) {
    nextTicks(index);
    index.sentenceTick++;
    const { tokens } = sentence;
    markPresent(index, tokens);
    for (let i = 0; i < tokens.length; i++) {
      candidates(index, tokens[i] as SpeechToken, tried);
      for (const k of tried) {
        if (index.done[k] === index.sentenceTick) continue;
        if (!anchored(index, k)) {
          index.done[k] = index.sentenceTick; // cannot match anywhere in this sentence
          continue;
        }
        const p = patterns[k] as CompiledSpeechPattern;
        const next = matchSlots(p.slots, tokens, i);
        if (next < 0 || negatedRun(p, tokens, i, next)) continue;
        index.done[k] = index.sentenceTick;
        if (p.unless.some((u) => containsSequence(tokens, u))) continue;
        const first = tokens[i] as SpeechToken;
        const last = tokens[next - 1] as SpeechToken;
        out.push({ pattern: p, sentence, start: first.start, end: last.end });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
