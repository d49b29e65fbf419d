/**
 * The sparse features the tone model (./speechModel.ts) reads from one utterance, hashed to
 * a fixed number of slots: word and lemma unigrams and bigrams, negation-marked lemmas (wink's
 * negation flag for English, "after nicht/inte/… until punctuation" for the others), character
 * 3–5-grams (German, Swedish, typos), second-person markers and the language. The vector is
 * scaled to unit length. Pure; the sentences come from `lemmatise` (./lemmatise.ts).
 *
 * @example
 * const x = speechFeatures(lemmatise("You'll have to go into a shop.", "en"), "You'll have to go into a shop.", "en", FEATURES);
 * // x.index: slot numbers, x.value: their weights (unit length)
 */
import type { LemmaSentence } from "./lemmatise.js";

/** How the features are built; saved with the model so training and inference agree. */
export interface FeatureSettings {
  /** Number of hash slots is 2^hashBits. */
  hashBits: number;
  /** Weight of the character n-grams relative to the word features. */
  charWeight: number;
  /** Smallest and largest character n-gram. */
  charMin: number;
  charMax: number;
}

/** A sparse vector: slots in increasing order and their values. */
export interface SparseVector {
  index: number[];
  value: number[];
}

/** Words that negate what follows (non-English; wink flags English negation itself). */
const NEGATION = new Set([
  "nicht",
  "kein",
  "keine",
  "keinen",
  "keinem",
  "keiner",
  "nie",
  "niemals",
  "nichts",
  "inte",
  "ingen",
  "inget",
  "inga",
  "aldrig",
  "ej",
  "not",
  "no",
  "never",
]);

/** Second-person words (you, Sie, du …). */
const SECOND_PERSON = new Set([
  "you",
  "your",
  "yours",
  "yourself",
  "sie",
  "ihnen",
  "ihr",
  "ihre",
  "ihren",
  "du",
  "dich",
  "dir",
  "dein",
  "deine",
  "ni",
  "er",
  "din",
  "ditt",
  "dina",
  "dig",
]);

/** FNV-1a, 32 bits. */
export function hashFeature(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The named features of an utterance with their raw weights (before hashing). */
export function namedFeatures(
  sentences: readonly LemmaSentence[],
  text: string,
  lang: string,
  settings: FeatureSettings,
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, w = 1): void => {
    out.set(name, Math.max(out.get(name) ?? 0, w));
  };
  add(`lang:${lang}`);
  let second = 0;
  for (const s of sentences) {
    let prevWord = "<s>";
    let prevLemma = "<s>";
    let negating = false;
    for (const t of s.tokens) {
      if (t.punctuation) {
        negating = false;
        prevWord = "<p>";
        prevLemma = "<p>";
        continue;
      }
      const word = t.word;
      const lemma = t.lemma;
      add(`w:${word}`);
      add(`b:${prevWord} ${word}`);
      if (lang === "en") {
        add(`l:${lemma}`);
        add(`lb:${prevLemma} ${lemma}`);
      }
      const negated = lang === "en" ? t.negated : negating;
      if (negated) add(`n:${lemma}`);
      if (NEGATION.has(word)) negating = true;
      if (SECOND_PERSON.has(word)) second++;
      prevWord = word;
      prevLemma = lemma;
    }
    add(`b:${prevWord} </s>`);
  }
  add(second === 0 ? "2p:0" : second === 1 ? "2p:1" : "2p:2+");
  if (settings.charWeight > 0) {
    const chars = ` ${text
      .toLowerCase()
      .replace(/[\u2018\u2019\u02BC]/gu, "'")
      .replace(/\s+/gu, " ")
      .trim()} `;
    for (let n = settings.charMin; n <= settings.charMax; n++)
      for (let i = 0; i + n <= chars.length; i++) add(`c:${chars.slice(i, i + n)}`, settings.charWeight);
  }
  return out;
}

/** The hashed, unit-length feature vector of an utterance. */
export function speechFeatures(
  sentences: readonly LemmaSentence[],
  text: string,
  lang: string,
  settings: FeatureSettings,
): SparseVector {
  const mask = 2 ** settings.hashBits - 1;
  const slots = new Map<number, number>();
  for (const [name, w] of namedFeatures(sentences, text, lang, settings)) {
    const slot = hashFeature(name) & mask;
    slots.set(slot, (slots.get(slot) ?? 0) + w);
  }
  const index = [...slots.keys()].sort((a, b) => a - b);
  const raw = index.map((i) => slots.get(i) as number);
  const norm = Math.sqrt(raw.reduce((s, v) => s + v * v, 0)) || 1;
  return { index, value: raw.map((v) => v / norm) };
}
