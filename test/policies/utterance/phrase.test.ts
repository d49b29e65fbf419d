import { describe, expect, it } from "vitest";
import {
  compilePhrase,
  guardPhrase,
  hasUpperCaseLiteral,
  lowerSameLength,
} from "../../../src/policies/utterance/phrase.js";

function matcher(phrase: string): (text: string) => string | undefined {
  const c = compilePhrase(phrase);
  if (!c.ok) throw new Error(c.message);
  const re = new RegExp(guardPhrase(c.source), "u");
  return (text) => re.exec(lowerSameLength(text))?.[0];
}

describe("phrase syntax", () => {
  it("matches whole words in any case, spaces, hyphens and punctuation between words", () => {
    const m = matcher("no thanks i don't");
    expect(m("No thanks, I don't want it")).toBe("no thanks, i don't");
    expect(m("no-thanks i don't")).toBe("no-thanks i don't");
    expect(m("snow thanks i don't")).toBeUndefined();
    expect(m("no thanks i donate")).toBeUndefined();
  });

  it("treats - inside a word as optional space", () => {
    const m = matcher("in-store only");
    expect(m("In store only")).toBe("in store only");
    expect(m("instore only")).toBe("instore only");
    expect(m("in-store only")).toBe("in-store only");
  });

  it("supports {alternatives}, optional groups, * words, word* stems and ... gaps", () => {
    expect(matcher("{we'll|we will} {really |}miss you")("We will miss you")).toBe("we will miss you");
    expect(matcher("{we'll|we will} {really |}miss you")("We'll really miss you")).toBe(
      "we'll really miss you",
    );
    expect(matcher("only * left")("only 3 left")).toBe("only 3 left");
    expect(matcher("avgift* tillkommer")("avgiften tillkommer")).toBe("avgiften tillkommer");
    expect(matcher("you ... regret")("you will surely regret")).toBe("you will surely regret");
    expect(matcher("you ... regret")("you a b c d e regret")).toBeUndefined();
    expect(matcher("last {chance|call}")("Last call!")).toBe("last call");
  });

  it("does not let an alternative leak outside its group", () => {
    const m = matcher("{i|we} wouldn't recommend");
    expect(m("I")).toBeUndefined();
    expect(m("we wouldn't recommend it")).toBe("we wouldn't recommend");
  });

  it("tells which words a phrase can start with", () => {
    const c = compilePhrase("{really |}{we'll|we will} miss*");
    expect(c.ok && c.starts).toEqual({ words: ["really", "we"], stems: [], any: false });
    const s = compilePhrase("avgift* tillkommer");
    expect(s.ok && s.starts).toEqual({ words: [], stems: ["avgift"], any: false });
    const a = compilePhrase("* left");
    expect(a.ok && a.starts.any).toBe(true);
  });

  it("explains bad phrases", () => {
    const message = (p: string) => {
      const c = compilePhrase(p);
      return c.ok ? "ok" : c.message;
    };
    expect(message("{a|b")).toBe("`{` without a matching `}`");
    expect(message("a}")).toBe("`}` without a matching `{`");
    expect(message("{a|{b}}")).toBe("{alternatives} cannot be nested");
    expect(message("x{a|b}")).toMatch(/space before/);
    expect(message("{a|b}x")).toMatch(/space after/);
    expect(message("{a|}")).toBe("the phrase can match empty text");
    expect(message("... a")).toBe("`...` must stand between two words");
    expect(message("{a ... b|c}")).toBe("`...` cannot be used inside {alternatives}");
  });
});

describe("helpers", () => {
  it("finds upper-case literals outside escapes", () => {
    expect(hasUpperCaseLiteral("Filiale")).toBe(true);
    expect(hasUpperCaseLiteral("\\P{L}\\W\\S\\D\\B\\u00C4(?<Name>x)\\k<Name>")).toBe(false);
    expect(hasUpperCaseLiteral("ä[Ä]")).toBe(true);
  });

  it("lower-cases keeping offsets", () => {
    expect(lowerSameLength("ÅÄÖ Straße")).toBe("åäö straße");
    const weird = "İx";
    expect(lowerSameLength(weird)).toHaveLength(weird.length);
  });
});
