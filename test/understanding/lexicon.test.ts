/**
 * The lexicon compiler: bad entries fail at load with the language, category and entry
 * named; the start-word gate knows where each entry can begin.
 */
import { describe, expect, it } from "vitest";
import { Phrases, startWords } from "../../src/understanding/lexiconPatterns.js";
import { prepareMessage } from "../../src/understanding/message.js";

const only = (entries: string[]) => ({ en: entries, sv: [], de: [] });

describe("lexicon entries", () => {
  it.each([
    ["Cancel", "upper-case letters never match"],
    ["cancel  now", "two spaces in a row"],
    ["… cancel", "`…` must stand between words"],
    ["(?:my )*cancel", "`*` is not a quantifier here"],
    ["(?:unclosed", "Invalid lexicon entry in en.test"],
    ["(?:a)?", "matches the empty text"],
  ])("rejects %j", (entry, message) => {
    expect(() => new Phrases("test", only([entry]))).toThrow(message);
  });

  it("matches whole words, stems, compounds and gaps", () => {
    const p = new Phrases("test", { en: ["cancel … contract"], sv: ["avgift*"], de: ["*gebühr*"] });
    const hits = (text: string) => p.all(prepareMessage(text)).map((h) => h.lang);
    expect(hits("I want to cancel my mobile contract")).toEqual(["en"]);
    expect(hits("cancel my very long old mobile contract")).toEqual([]);
    expect(hits("Vad är avgiften?")).toEqual(["sv"]);
    expect(hits("Wie hoch sind die Kündigungsgebühren?")).toEqual(["de"]);
    expect(hits("cancellation")).toEqual([]);
  });

  it("knows the words an entry can start with", () => {
    expect(startWords("(?:i'm|we are) (?:moving|relocating)")).toEqual({
      words: ["i'm", "we"],
      stems: [],
      infixes: [],
    });
    expect(startWords("(?<!no )(?:thanks|thank you)")?.words).toEqual(["thanks", "thank"]);
    expect(startWords("(?:my |the )?router*")).toEqual({
      words: ["my", "the"],
      stems: ["router"],
      infixes: [],
    });
    expect(startWords("*gebühr*")).toEqual({ words: [], stems: [], infixes: ["gebühr"] });
    expect(startWords("prices? up")?.stems).toEqual(["price"]);
    expect(startWords("no(?! fee)")?.words).toEqual(["no"]);
    expect(startWords("\\d+ off")).toBeUndefined();
  });
});
