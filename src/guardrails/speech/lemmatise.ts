/**
 * Sentences of tokens with lemmas and negation marks, for the speech patterns
 * (src/policies/utterance/speechMatch.ts). English goes through wink-nlp with its shipped
 * model (wink-eng-lite-web-model): lemmas (is/'s/were -> be, n't -> not, shops -> shop),
 * negation flags and sentence splitting. German and Swedish (and any other language) get
 * plain lower-cased words split at . ! ? — the patterns for them use word prefixes instead.
 *
 * Pure (no I/O). The model is loaded once, lazily, on the first English text (about 0.2 s):
 * a module-level constant of a model, not a memo of results.
 *
 * @example
 * lemmatise("You'll have to go into one of our shops.", "en")[0].tokens.map((t) => t.lemma);
 * // ["you", "will", "have", "to", "go", "into", "one", "of", "our", "shop", "."]
 */

import model from "wink-eng-lite-web-model";
import winkNLP, { type WinkMethods } from "wink-nlp";

/** Same shape as `SpeechToken` in src/policies/utterance/speechMatch.ts. */
export interface LemmaToken {
  lemma: string;
  word: string;
  start: number;
  end: number;
  negated: boolean;
  punctuation: boolean;
}

export interface LemmaSentence {
  start: number;
  end: number;
  tokens: LemmaToken[];
}

let nlp: WinkMethods | undefined;
const english = (): WinkMethods => {
  nlp ??= winkNLP(model);
  return nlp;
};

/** Tokens the model keeps whole although they are two words ("I'm" at a sentence start). */
const SPLIT: Readonly<Record<string, readonly string[]>> = {
  "i'm": ["i", "be"],
  "i've": ["i", "have"],
  "i'll": ["i", "will"],
  "i'd": ["i", "would"],
  gotta: ["have", "get", "to"],
  gonna: ["go", "to"],
  wanna: ["want", "to"],
};

/** Typographic apostrophes to ASCII, same length (offsets kept). */
const normalise = (text: string): string => text.replace(/[\u2018\u2019\u02BC]/gu, "'");

/** Splits `text` into sentences of tokens for language `lang`. */
export function lemmatise(text: string, lang: string): LemmaSentence[] {
  return lang === "en" ? englishSentences(normalise(text)) : plainSentences(normalise(text));
}

/** An apostrophe or hyphen inside a phrase ("days' notice", "in-store") does not end it. */
const JOINER = /^['-]$/u;

/**
 * The document is read once: each token property for the whole text in one pass (not four
 * collections per sentence), then cut into sentences by their token spans.
 */
function englishSentences(text: string): LemmaSentence[] {
  const w = english();
  const its = w.its;
  const doc = w.readDoc(text);
  const all = doc.tokens();
  const values = all.out(its.value) as string[];
  // The typings of `its.lemma` want the model add-ons argument the library supplies itself.
  const lemmas = all.out(its.lemma as unknown as typeof its.value) as string[];
  const negated = all.out(its.negationFlag) as unknown as boolean[];
  const types = all.out(its.type) as string[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];
  const out: LemmaSentence[] = [];
  let cursor = 0;
  for (const [from, to] of spans) {
    const tokens: LemmaToken[] = [];
    for (let i = from; i <= to; i++) {
      const value = values[i] as string;
      const at = text.indexOf(value, cursor);
      const start = at < 0 ? cursor : at;
      const end = at < 0 ? cursor : at + value.length;
      cursor = end;
      const word = value.toLowerCase();
      const neg = negated[i] === true;
      const punctuation = types[i] === "punctuation" && !JOINER.test(value);
      const parts = SPLIT[word];
      if (parts)
        for (const lemma of parts) tokens.push({ lemma, word: lemma, start, end, negated: neg, punctuation });
      else
        tokens.push({
          lemma: (lemmas[i] ?? word).toLowerCase(),
          word,
          start,
          end,
          negated: neg,
          punctuation,
        });
    }
    const first = tokens[0];
    const last = tokens.at(-1);
    if (first && last) out.push({ start: first.start, end: last.end, tokens });
  }
  return out;
}

const WORD_OR_MARK = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*|[.!?;:,…]+/gu;

function plainSentences(text: string): LemmaSentence[] {
  const out: LemmaSentence[] = [];
  let tokens: LemmaToken[] = [];
  const flush = (): void => {
    const first = tokens[0];
    const last = tokens.at(-1);
    if (first && last) out.push({ start: first.start, end: last.end, tokens });
    tokens = [];
  };
  for (const m of text.matchAll(WORD_OR_MARK)) {
    const word = m[0].toLowerCase();
    const punctuation = !/[\p{L}\p{N}]/u.test(word);
    tokens.push({
      lemma: word,
      word,
      start: m.index,
      end: m.index + m[0].length,
      negated: false,
      punctuation,
    });
    if (punctuation && /[.!?…]/u.test(word)) flush();
  }
  flush();
  return out;
}
