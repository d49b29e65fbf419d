/**
 * The findings of about 1,500 messages (frozenCases.ts), frozen in frozen-findings.txt as the
 * utterance checker found them before its sieve (sieve.ts) and phrase-by-phrase matching were
 * added: the checker must keep finding exactly the same (category, rule, span, message,
 * alternative, order; each line ends with a digest of all of them).
 *
 * When the tone rules or the contradiction lexicon change on purpose, the file changes with
 * them: review the diff, then `npx vitest run test/policies/utterance/frozenFindings.test.ts -u`.
 */
import { describe, expect, it } from "vitest";
import { checkUtterance } from "../../../src/policies/utterance/checkUtterance.js";
import { frozenCases, frozenLine } from "./frozenCases.js";
import { CONTEXTS, defaultTone } from "./support.js";

describe("utterance checker findings", () => {
  it("are exactly the frozen ones, with and without the text cache", async () => {
    const tone = defaultTone();
    const lines = frozenCases().map((c) => {
      const ctx = { speaker: c.speaker, ...(c.context ? CONTEXTS[c.context] : {}) };
      const uncached = checkUtterance({ tone: { ...tone } }, c.text, ctx);
      checkUtterance({ tone }, c.text, ctx);
      expect(checkUtterance({ tone }, c.text, ctx), c.name).toEqual(uncached);
      return frozenLine(c, uncached);
    });
    await expect(`${lines.join("\n")}\n`).toMatchFileSnapshot("./frozen-findings.txt");
  });

  it("are this check's own when the text was remembered from a check with another decision, or none", () => {
    const tone = defaultTone();
    const toneOnly = { tone: { ...tone } };
    const otherDecision = { tone: { ...tone } };
    const contexts = Object.keys(CONTEXTS);
    for (const c of frozenCases()) {
      const ctx = { speaker: c.speaker, ...(c.context ? CONTEXTS[c.context] : {}) };
      const expected = checkUtterance({ tone: { ...tone } }, c.text, ctx);
      // First seen without a decision or ledger: the text is split without the places the
      // contradiction checks need.
      checkUtterance(toneOnly, c.text, { speaker: c.speaker });
      expect(checkUtterance(toneOnly, c.text, ctx), c.name).toEqual(expected);
      // First seen against another decision: nothing of that decision is kept with the text.
      const other = contexts[(contexts.indexOf(c.context ?? "") + 1) % contexts.length]!;
      checkUtterance(otherDecision, c.text, { speaker: c.speaker, ...CONTEXTS[other] });
      expect(checkUtterance(otherDecision, c.text, ctx), c.name).toEqual(expected);
    }
  });
});
