import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LEXICON, LEXICON_SIEVE } from "../../../src/policies/utterance/lexiconSieve.js";
import { lowerSameLength } from "../../../src/policies/utterance/phrase.js";
import { Sieve } from "../../../src/policies/utterance/sieve.js";
import { normalizeForMatching, wordsOf } from "../../../src/policies/utterance/text.js";
import { WordPattern } from "../../../src/policies/utterance/wordPattern.js";
import { BOT_MESSAGES } from "./frozenCases.js";
import { defaultTone } from "./support.js";

describe("sieve", () => {
  const FEE = "fee";
  const NUMBER = "number";
  const EITHER = "either";
  const sieve = new Sieve(
    [
      [FEE, /\b(?:exit|early) fees?\b/u],
      [NUMBER, /\d+/u],
    ],
    { groups: [[EITHER, [FEE, NUMBER]]], words: [[FEE, "exit"]] },
  );

  it("rules out an expression only where none of its factors lies", () => {
    const hits = sieve.scan("no exit fee here. an early fee there.");
    expect(hits.mayMatch(FEE, 0, 16)).toBe(true);
    expect(hits.mayMatch(FEE, 0, 10)).toBe(false); // "exit fe" has no "fee"
    expect(hits.mayMatch(FEE, 16, 37)).toBe(true);
    expect(sieve.scan("no fees at all").mayMatch(FEE, 0, 14)).toBe(false); // "fee" but neither exit nor early
  });

  it("never rules out an expression without factors, nor a key it does not know", () => {
    const hits = sieve.scan("nothing here");
    expect(hits.mayMatch(NUMBER, 0, 12)).toBe(true);
    expect(hits.mayMatch("unknown", 0, 12)).toBe(true);
    expect(hits.mayMatch(EITHER, 0, 12)).toBe(true);
  });

  it("finds its words where they stand as whole words and their key may match", () => {
    expect(sieve.scan("exit fee, exits, the exit fee").wordsFound()).toEqual([
      [FEE, 0],
      [FEE, 21],
    ]);
    expect(sieve.scan("the exit").wordsFound()).toEqual([]); // no fee after it
  });
});

describe("sieves of the lexicon and the default tone", () => {
  const tone = defaultTone();
  const toneExpressions = tone.categories.flatMap((c) => [...c.phrases, ...c.patterns]);
  const matches = (key: unknown, re: RegExp, text: string): boolean =>
    key instanceof WordPattern
      ? key.test(text)
      : new RegExp(re.source, re.flags.replace(/[gy]/g, "")).test(text);
  const vocabulary = [
    ...BOT_MESSAGES.flatMap((m) => m.split(/(?<=[ ,.:;\n])/u)),
    ...tone.categories.flatMap((c) => c.phrases.map((p) => p.text.replace(/\{([^|}]*)[^}]*\}/gu, "$1"))),
    ...[
      "exit fee",
      "you owe",
      "£36.00",
      "1,197 sek",
      "cancel",
      "unlock",
      "2 days",
      "store",
      "we can offer you",
    ],
  ];
  const text = fc
    .tuple(
      fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 12 }),
      fc.constantFrom(" ", ", ", ". "),
    )
    .map(([parts, sep]) => lowerSameLength(normalizeForMatching(parts.join(sep))));

  it("say an expression may match wherever it does (any part of the text, for the lexicon)", () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (t, x, y) => {
        const [start, end] = [x % (t.length + 1), y % (t.length + 1)].sort((a, b) => a - b) as [
          number,
          number,
        ];
        const lexicon = LEXICON_SIEVE.scan(t);
        const both = tone.sieve.scan(t);
        for (const [key, re] of LEXICON.expressions)
          if (matches(key, re, t.slice(start, end))) {
            expect(lexicon.mayMatch(key, start, end), `${String(re.source).slice(0, 50)} in "${t}"`).toBe(
              true,
            );
            expect(both.mayMatch(key, start, end)).toBe(true);
          }
        const toneOnly = tone.sieve.scan(t, { places: false });
        for (const p of toneExpressions)
          if (matches(p, p.regex, t))
            expect(toneOnly.mayMatch(p, 0, t.length), `${p.regex.source}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("find the first words of phrases as the phrase index splits words", () => {
    fc.assert(
      fc.property(text, (t) => {
        const hits = tone.sieve.scan(t, { places: false });
        const want = wordsOf(t)
          .filter((w) => {
            const buckets = tone.phraseIndex.byWord.get(w.word);
            return buckets !== undefined && hits.mayMatch(buckets, w.start, t.length);
          })
          .map((w) => w.start);
        expect(hits.wordsFound().map(([, start]) => start)).toEqual(want);
      }),
      { numRuns: 200 },
    );
  });
});
