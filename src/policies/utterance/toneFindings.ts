/**
 * Tone findings of one message: the phrases and patterns of the compiled tone categories that
 * match, less the near-misses their exceptions allow. Only what the tone's sieve leaves in is
 * tried (see sieve.ts for why skipping is safe): a phrase where its first word stands, when
 * its factors occur in the text; a pattern when its factors do.
 */
import type {
  CompiledCategory,
  CompiledPattern,
  CompiledTone,
  PhraseBucket,
  WordBuckets,
} from "./compiledTone.js";
import type { CheckedText, Finding } from "./finding.js";
import type { SieveHits } from "./sieve.js";
import { overlaps, type Range, rangeAt, wordsOf } from "./text.js";
import type { UtteranceSpeaker } from "./toneSchema.js";

interface Hit extends Range {
  ruleId: string;
  rule: string;
}

/**
 * Every tone finding in `t` for `speaker`, by category (in category order), not yet sorted.
 * `hits`: the scan of `t.lower` by the tone's sieve, when already done.
 */
export function toneFindings(
  t: CheckedText,
  tone: CompiledTone,
  speaker: UtteranceSpeaker,
  hits: SieveHits = tone.sieve.scan(t.lower, { places: false }),
): Finding[] {
  const m = new ToneMatches(t, tone, speaker, hits);
  m.tryPhrases();
  m.tryPatterns();
  return m.findings();
}

/** The hits of one text, per category; a hit overlapping an earlier one of its category is dropped. */
class ToneMatches {
  private readonly active: boolean[] = [];
  /** Per category, created on its first hit. */
  private readonly hits: (Hit[] | undefined)[] = [];
  constructor(
    private readonly t: CheckedText,
    private readonly tone: CompiledTone,
    speaker: UtteranceSpeaker,
    private readonly sieve: SieveHits,
  ) {
    for (const c of tone.categories) this.active.push(c.speakers.includes(speaker));
  }

  /**
   * The phrase buckets at each word they may start at, in text order: at a word, the buckets
   * of that first word, then those that start anywhere, then those of matching stems.
   */
  tryPhrases(): void {
    const index = this.tone.phraseIndex;
    if (!this.may(index.any, 0) && !this.may(index.stems, 0)) {
      // Only first words remain: the sieve found where they stand.
      for (const [buckets, start] of this.sieve.wordsFound()) this.tryWord(buckets as WordBuckets, start);
      return;
    }
    for (const w of wordsOf(this.t.lower)) {
      const byWord = index.byWord.get(w.word);
      if (byWord && this.may(byWord, w.start)) this.tryWord(byWord, w.start);
      for (const b of index.any) if (this.may(b, w.start)) this.tryBucket(b, w.start);
      for (const s of index.stems)
        if (w.word.startsWith(s.stem) && this.may(s.bucket, w.start)) this.tryBucket(s.bucket, w.start);
    }
  }

  tryPatterns(): void {
    const { categories } = this.tone;
    for (let ci = 0; ci < categories.length; ci++) {
      const category = categories[ci] as CompiledCategory;
      if (!this.active[ci] || !this.may(category, 0)) continue;
      for (const p of category.patterns) if (this.may(p, 0)) this.tryPattern(ci, category, p);
    }
  }

  findings(): Finding[] {
    const out: Finding[] = [];
    const { categories } = this.tone;
    for (let ci = 0; ci < categories.length; ci++) {
      const category = categories[ci] as CompiledCategory;
      for (const h of this.hits[ci] ?? []) {
        if (this.excepted(category, h)) continue;
        const quote = this.t.text.slice(h.start, h.end);
        out.push({
          kind: "tone",
          category: category.id,
          ruleId: h.ruleId,
          span: { start: h.start, end: h.end, text: quote },
          message: `${category.description} "${quote}" (${h.rule}; ${category.citation})`,
          alternative: category.alternative,
        });
      }
    }
    return out;
  }

  private tryPattern(ci: number, category: CompiledCategory, p: CompiledPattern): void {
    const { t } = this;
    forEachMatch(p.regex, t.lower, (start, end) => {
      const sentence = rangeAt(t.sentences, start);
      if (p.unless?.test(t.lower.slice(sentence.start, sentence.end))) return;
      this.add(ci, { start, end, ruleId: `tone.${category.id}.${p.id}`, rule: `pattern ${p.id}` });
    });
  }

  /** Whether `key` (a phrase, a bucket, a pattern … see `CompiledTone.sieve`) may match from `start` on. */
  private may(key: unknown, start: number): boolean {
    return this.sieve.mayMatch(key, start, this.t.lower.length);
  }

  private tryWord(byWord: WordBuckets, start: number): void {
    for (const b of byWord.buckets) this.tryBucket(b, start);
  }

  /**
   * A bucket's hit at `start`: its end is that of the first phrase in the try order that
   * matches there (as one regex of all of them, longest first, would match), its rule that of
   * the first in the bucket's order. Phrases the sieve rules out are not tried.
   */
  private tryBucket(b: PhraseBucket, start: number): void {
    const { lower } = this.t;
    const category = this.tone.categories[b.category];
    if (!category || !this.active[b.category] || !this.may(b, start)) return;
    let end = -1;
    for (const i of b.tryOrder) {
      const p = category.phrases[i];
      if (!p || !this.may(p, start)) continue;
      p.regex.lastIndex = start;
      const m = p.regex.exec(lower);
      p.regex.lastIndex = 0;
      if (!m) continue;
      end = start + m[0].length;
      break;
    }
    if (end < 0) return;
    const phrase = b.phrases
      .map((i) => category.phrases[i])
      .find((p) => p && this.may(p, start) && matchesAt(p.regex, lower, start));
    this.add(b.category, {
      start,
      end,
      ruleId: `tone.${category.id}.phrase.${phrase?.lang ?? "any"}`,
      rule: phrase ? `phrase "${phrase.text}"` : "a phrase",
    });
  }

  private add(category: number, h: Hit): void {
    const list = this.hits[category];
    if (!list) this.hits[category] = [h];
    else if (!list.some((x) => overlaps(x, h))) list.push(h);
  }

  private excepted(category: CompiledCategory, h: Range): boolean {
    const s = rangeAt(this.t.sentences, h.start);
    const sentence = this.t.lower.slice(s.start, s.end);
    if (category.sentenceException?.test(sentence)) return true;
    if (!category.spanException) return false;
    let found = false;
    forEachMatch(category.spanException, sentence, (start, end) => {
      if (overlaps({ start: s.start + start, end: s.start + end }, h)) found = true;
    });
    return found;
  }
}

function matchesAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  const ok = re.test(text);
  re.lastIndex = 0;
  return ok;
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
