/**
 * A tone section compiled for matching: every phrase and regular expression built once, and
 * the phrases of all categories indexed by the word they start with, so checking a message
 * only tries the phrases whose first word occurs in it.
 */

import type { z } from "zod";
import type { KnownText } from "./finding.js";
import { LEXICON, LEXICON_KEYS } from "./lexiconSieve.js";
import { compilePhrase, guardPhrase } from "./phrase.js";
import { Sieve } from "./sieve.js";
import type { CompiledSpeech, SpeechDefinition } from "./speechSchema.js";
import type { ToneException, TonePattern, UtteranceSpeaker } from "./toneEntries.js";

export interface CompiledPhrase {
  text: string;
  lang: string;
  file: string;
  /** Sticky ("uy"), whole-word guarded: tells which phrase matched at a position. */
  regex: RegExp;
}

export interface CompiledPattern {
  id: string;
  lang?: string;
  file: string;
  /** Flags "gu", run on the lower-cased text. */
  regex: RegExp;
  /** Any of them in the sentence cancels the match (flag "u"). */
  unless?: RegExp;
}

/** Phrases of one category that start with the same word. */
export interface PhraseBucket {
  category: number;
  /** Indexes into the category's `phrases`. */
  phrases: readonly number[];
  /**
   * The same phrases in the order they are tried at a position, longest source first: the
   * first whose regex matches there gives the hit (its end; the rule id is that of the first
   * in `phrases` that matches there).
   */
  tryOrder: readonly number[];
}

/** The buckets (one per category) of one first word. */
export interface WordBuckets {
  buckets: readonly PhraseBucket[];
}

/** Where phrases can start: by exact first word, by word prefix, or anywhere. */
export interface PhraseIndex {
  byWord: ReadonlyMap<string, WordBuckets>;
  stems: readonly { stem: string; bucket: PhraseBucket }[];
  any: readonly PhraseBucket[];
}

export interface CompiledCategory {
  id: string;
  description: string;
  citation: string;
  alternative: string;
  speakers: readonly UtteranceSpeaker[];
  phrases: readonly CompiledPhrase[];
  patterns: readonly CompiledPattern[];
  /** Sentence-scope exceptions in one regex (flag "u"). */
  sentenceException?: RegExp;
  /** Span-scope exceptions in one regex (flags "gu"). */
  spanException?: RegExp;
}

export interface Entry<T> {
  value: T;
  file: string;
}

/** The merged, uncompiled definition of one category, kept so a later pack can extend it. */
export interface CategoryDefinition {
  id: string;
  description: string;
  citation: string;
  alternative: string;
  speakers: readonly UtteranceSpeaker[];
  phrases: Entry<{ text: string; lang: string }>[];
  patterns: Entry<z.output<typeof TonePattern>>[];
  exceptions: Entry<z.output<typeof ToneException>>[];
}

export interface CompiledTone {
  categories: readonly CompiledCategory[];
  /** Every category's phrases, by the word they start with. */
  phraseIndex: PhraseIndex;
  /**
   * Where the required factors of the phrases and patterns occur in a text (sieve.ts), so a
   * check tries only what can match. Keys: each phrase and pattern; for all the phrases of
   * some buckets: each bucket, the `WordBuckets` of `phraseIndex.byWord` (also found as
   * words: where their first word stands), and the `phraseIndex.any` and `phraseIndex.stems`
   * arrays; the category for all its patterns; and the contradiction
   * lexicon's keys (lexiconSieve.ts), the only ones answered for parts of the text.
   */
  sieve: Sieve;
  /** The files that contributed, in order. */
  files: readonly string[];
  /**
   * The texts checked with these rules and what depends on the text alone (`checkUtterance`
   * fills it, a bounded number, oldest forgotten first): the bot says the same phrases over
   * and over. Created empty with the tone, so a reloaded policy starts afresh.
   */
  readonly knownTexts: Map<string, KnownText>;
  /** @internal what `compileTone(section, source, base)` extends. */
  readonly definition: readonly CategoryDefinition[];
  /**
   * Patterns over lemmas for free speech (`tone.speech`, speechSchema.ts), matched by the
   * speech checker (`checkSpeech` in src/guardrails), not by `checkUtterance`.
   */
  readonly speech: CompiledSpeech;
  /** @internal the merged sets and patterns a later pack's `speech:` extends. */
  readonly speechDefinition: SpeechDefinition;
}

const alternation = (sources: string[]): string => sources.map((s) => `(?:${s})`).join("|");

export interface PhraseStartsBySource {
  source: string;
  words: string[];
  stems: string[];
  any: boolean;
}

export function compileCategory(d: CategoryDefinition): {
  category: CompiledCategory;
  starts: PhraseStartsBySource[];
} {
  const compiled = d.phrases.map((p) => {
    const c = compilePhrase(p.value.text);
    return c.ok ? { source: c.source, ...c.starts } : { source: "(?!)", words: [], stems: [], any: false };
  });
  const exceptionSource = (scope: "sentence" | "span"): string[] =>
    d.exceptions
      .filter((e) => e.value.scope === scope)
      .map((e) => {
        if (e.value.regex !== undefined) return e.value.regex;
        const c = compilePhrase(e.value.phrase ?? "");
        return c.ok ? guardPhrase(c.source) : "(?!)";
      });
  const sentence = exceptionSource("sentence");
  const span = exceptionSource("span");
  const category: CompiledCategory = {
    id: d.id,
    description: d.description,
    citation: d.citation,
    alternative: d.alternative,
    speakers: d.speakers,
    phrases: d.phrases.map((p, i) => ({
      text: p.value.text,
      lang: p.value.lang,
      file: p.file,
      regex: new RegExp(guardPhrase(compiled[i]?.source ?? "(?!)"), "uy"),
    })),
    patterns: d.patterns.map((p) => ({
      id: p.value.id,
      ...(p.value.lang ? { lang: p.value.lang } : {}),
      file: p.file,
      regex: new RegExp(p.value.regex, "gu"),
      ...(p.value.unless?.length ? { unless: new RegExp(alternation(p.value.unless), "u") } : {}),
    })),
    ...(sentence.length > 0 ? { sentenceException: new RegExp(alternation(sentence), "u") } : {}),
    ...(span.length > 0 ? { spanException: new RegExp(alternation(span), "gu") } : {}),
  };
  return { category, starts: compiled };
}

/** Groups every category's phrases by the word they start with (or the stem, or any word). */
export function indexPhrases(perCategory: PhraseStartsBySource[][]): PhraseIndex {
  const groups = new Map<string, { category: number; phrases: number[] }>();
  for (const [category, phrases] of perCategory.entries())
    for (const [i, p] of phrases.entries()) {
      const keys = [
        ...p.words.map((w) => `w:${w}`),
        ...p.stems.map((s) => `s:${s}`),
        ...(p.any ? ["*"] : []),
      ];
      for (const key of keys) {
        const k = `${category}\u0000${key}`;
        const g = groups.get(k) ?? { category, phrases: [] };
        g.phrases.push(i);
        groups.set(k, g);
      }
    }
  const byWord = new Map<string, { buckets: PhraseBucket[] }>();
  const stems: { stem: string; bucket: PhraseBucket }[] = [];
  const any: PhraseBucket[] = [];
  for (const [k, g] of groups) {
    const length = (i: number): number => (perCategory[g.category]?.[i]?.source ?? "(?!)").length;
    const bucket: PhraseBucket = {
      category: g.category,
      phrases: g.phrases,
      tryOrder: [...g.phrases].sort((a, b) => length(b) - length(a)),
    };
    const key = k.slice(k.indexOf("\u0000") + 1);
    if (key === "*") any.push(bucket);
    else if (key.startsWith("s:")) stems.push({ stem: key.slice(2), bucket });
    else {
      const entry = byWord.get(key.slice(2)) ?? { buckets: [] };
      entry.buckets.push(bucket);
      byWord.set(key.slice(2), entry);
    }
  }
  return { byWord, stems, any };
}

/**
 * The sieve of a compiled tone (see `CompiledTone.sieve` for its keys), which also has the
 * contradiction lexicon: one scan of a bot message serves both.
 */
export function sieveTone(categories: readonly CompiledCategory[], index: PhraseIndex): Sieve {
  const phrasesOf = (buckets: readonly PhraseBucket[]): CompiledPhrase[] =>
    buckets.flatMap((b) => b.phrases.flatMap((i) => categories[b.category]?.phrases[i] ?? []));
  const stemBuckets = index.stems.map((s) => s.bucket);
  return new Sieve(
    [
      ...categories.flatMap((c) => [...c.phrases, ...c.patterns].map((p) => [p, p.regex] as const)),
      ...LEXICON.expressions,
    ],
    {
      words: [...index.byWord].map(([word, buckets]) => [buckets, word] as const),
      groups: [
        ...[...index.byWord.values()].map((buckets) => [buckets, phrasesOf(buckets.buckets)] as const),
        ...[...index.byWord.values()].flatMap((w) => w.buckets).map((b) => [b, phrasesOf([b])] as const),
        ...[...index.any, ...stemBuckets].map((b) => [b, phrasesOf([b])] as const),
        [index.any, phrasesOf(index.any)],
        [index.stems, phrasesOf(stemBuckets)],
        ...categories.map((c) => [c, c.patterns] as const),
        ...LEXICON.groups,
      ],
      ranges: LEXICON_KEYS,
    },
  );
}
