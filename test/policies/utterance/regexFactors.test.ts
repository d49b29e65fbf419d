import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as lexicon from "../../../src/policies/utterance/contradictionLexicon.js";
import { MONEY } from "../../../src/policies/utterance/money.js";
import { requiredFactors } from "../../../src/policies/utterance/regexFactors.js";
import { WordPattern } from "../../../src/policies/utterance/wordPattern.js";
import { defaultTone } from "./support.js";

const sorted = (dnf: string[][][] | undefined) => dnf?.map((sets) => sets.map((s) => [...s].sort()));

/** Whether `text` has, for some alternative, a string of each of its sets. */
const satisfied = (dnf: string[][][], text: string) =>
  dnf.some((sets) => sets.every((set) => set.some((f) => text.includes(f))));

describe("required factors of a regular expression", () => {
  it("finds the literals every match contains, per alternative", () => {
    expect(sorted(requiredFactors(/\bexit\s+fees?\b/u))).toEqual([[["exit"], ["fee"]]]);
    expect(sorted(requiredFactors(/\b(?:exit fee|etf)\b/u))).toEqual([[["etf", "exit fee"]]]);
    expect(sorted(requiredFactors(/\b(?:exit\s+fee|leaving\s+charge)\b/u))).toEqual([
      [["exit"], ["fee"]],
      [["charge"], ["leaving"]],
    ]);
    expect(sorted(requiredFactors(/(?<=fee )(?:tomorrow|today)/u))).toEqual([[["today", "tomorrow"]]]);
    expect(sorted(requiredFactors(/\u{1F600}x/u))).toEqual([[["\u{1F600}x"]]]);
  });

  it("knows nothing when it cannot tell", () => {
    expect(requiredFactors(/exit fee/i)).toBeUndefined(); // letter case ignored
    expect(requiredFactors(/\d+%?/u)).toBeUndefined();
    expect(requiredFactors(/(\w+) \1/u)).toBeUndefined();
    expect(requiredFactors(/fee|\d+/u)).toBeUndefined(); // one alternative without literals
    const withoutU = "x\\u{3}"; // without the u flag it means "x" and "uuu" (TypeScript rejects the literal)
    expect(requiredFactors(new RegExp(withoutU))).toBeUndefined();
    expect(requiredFactors(/a|b/u)).toBeUndefined(); // single letters are in every text
  });

  const expressions: RegExp[] = [
    ...Object.values(lexicon).flatMap((v) =>
      v instanceof WordPattern
        ? [v.re]
        : Array.isArray(v)
          ? v.map((f) => f.regex.re)
          : v instanceof RegExp
            ? [v]
            : [],
    ),
    MONEY,
    ...defaultTone().categories.flatMap((c) => [...c.phrases, ...c.patterns].map((p) => p.regex)),
  ];
  const vocabulary = [
    ...new Set(expressions.flatMap((re) => requiredFactors(re)?.flat(2) ?? [])),
    ...["you", "we", "the", "a", "will", "£36.00", "1,197 sek", "12 kr", "x", "1", "-", "'"],
  ];

  it("gives factors every match has (texts made of the lexicons' own words)", () => {
    const text = fc
      .tuple(
        fc.array(fc.constantFrom(...vocabulary), { maxLength: 10 }),
        fc.constantFrom(" ", ", ", "-", ". ", " and "),
      )
      .map(([words, sep]) => words.join(sep));
    fc.assert(
      fc.property(text, (t) => {
        for (const re of expressions) {
          const dnf = requiredFactors(re);
          if (dnf && new RegExp(re.source, re.flags.replace(/[gy]/g, "")).test(t))
            expect(satisfied(dnf, t), `${re.source.slice(0, 60)} on "${t}"`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });
});
