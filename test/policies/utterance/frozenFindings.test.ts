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
  it("are exactly the frozen ones, with and without the tone cache", async () => {
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
});
