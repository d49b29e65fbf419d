import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { checkUtterance } from "../../../src/policies/utterance/checkUtterance.js";
import {
  type CompiledTone,
  compileDefaultTone,
  compileTone,
  type ToneError,
  type ToneSource,
} from "../../../src/policies/utterance/toneSchema.js";
import { defaultTone } from "./support.js";

const SRC: ToneSource = { file: "policies/acme.yaml" };

function compiled(result: CompiledTone | ToneError[]): CompiledTone {
  if (Array.isArray(result)) throw new Error(result.map((e) => `${e.path}: ${e.message}`).join("\n"));
  return result;
}

function errors(result: CompiledTone | ToneError[]): ToneError[] {
  if (!Array.isArray(result)) throw new Error("expected errors");
  return result;
}

const category = (extra: Record<string, unknown> = {}) => ({
  id: "rudeness",
  description: "Rude.",
  citation: "House rules",
  alternative: "Say it kindly.",
  phrases: { en: ["shut up"] },
  ...extra,
});

describe("compileTone", () => {
  it("compiles a new category and finds its phrases", () => {
    const tone = compiled(compileTone({ categories: [category()] }, SRC));
    expect(tone.categories.map((c) => c.id)).toEqual(["rudeness"]);
    expect(tone.files).toEqual(["policies/acme.yaml"]);
    const f = checkUtterance({ tone }, "Oh, Shut  up.", { speaker: "agent" });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({
      kind: "tone",
      category: "rudeness",
      ruleId: "tone.rudeness.phrase.en",
      span: { start: 4, end: 12, text: "Shut  up" },
      alternative: "Say it kindly.",
    });
  });

  it("extends a category of an earlier pack by id (phrases, patterns, exceptions appended)", () => {
    const base = defaultTone();
    const before = checkUtterance({ tone: base }, "You are a silly goose.", { speaker: "bot" });
    expect(before).toEqual([]);
    const ext = compiled(
      compileTone(
        {
          categories: [
            {
              id: "condescension",
              phrases: { en: ["silly goose"] },
              patterns: [{ id: "duh", regex: "\\bduh\\b" }],
              alternative: "Let me say that differently.",
            },
          ],
        },
        SRC,
        base,
      ),
    );
    const after = checkUtterance({ tone: ext }, "You are a silly goose. Duh.", { speaker: "bot" });
    expect(after.map((f) => [f.category, f.span.text])).toEqual([
      ["condescension", "silly goose"],
      ["condescension", "Duh"],
    ]);
    expect(after[0]?.alternative).toBe("Let me say that differently.");
    // the built-in phrases are still there
    expect(checkUtterance({ tone: ext }, "Calm down.", { speaker: "bot" })[0]?.category).toBe(
      "condescension",
    );
    expect(ext.files).toEqual(["policies/tone/default-tone.yaml", "policies/acme.yaml"]);
    // the base is untouched
    expect(checkUtterance({ tone: base }, "You are a silly goose.", { speaker: "bot" })).toEqual([]);
  });

  it("reports unknown fields (strict), bad ids and missing fields of a new category", () => {
    const errs = errors(compileTone({ categories: [{ id: "Bad Id", frobnicate: 1 }] }, SRC));
    expect(errs.map((e) => e.path)).toEqual(
      expect.arrayContaining(["tone.categories[0].id", "tone.categories[0]"]),
    );
    expect(errs.every((e) => e.file === "policies/acme.yaml")).toBe(true);

    const missing = errors(compileTone({ categories: [{ id: "shouting", phrases: { en: ["STOP"] } }] }, SRC));
    expect(missing.map((e) => e.message)).toEqual([
      "a new category needs description",
      "a new category needs citation",
      "a new category needs alternative",
    ]);
    expect(missing[0]?.ruleId).toBe("shouting");

    const empty = errors(compileTone({ categories: [category({ phrases: {} })] }, SRC));
    expect(empty[0]?.message).toBe("a new category needs at least one phrase or pattern");
  });

  it("reports a bad regular expression instead of throwing, naming the rule", () => {
    const errs = errors(
      compileTone({ categories: [category({ patterns: [{ id: "broken", regex: "(unclosed" }] })] }, SRC),
    );
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatchObject({
      file: "policies/acme.yaml",
      ruleId: "rudeness/broken",
      path: "tone.categories[0].patterns[0].regex",
    });
    expect(errs[0]?.message).toMatch(/^invalid regular expression: /);
  });

  it("rejects regexes that match empty text, backtrack exponentially or use upper case", () => {
    const messages = (regex: string) =>
      errors(compileTone({ categories: [category({ patterns: [{ id: "p", regex }] })] }, SRC)).map(
        (e) => e.message,
      );
    expect(messages("a*")).toEqual(["the regular expression matches empty text"]);
    expect(messages("(a+)+b")[0]).toMatch(/nested repetition/);
    expect(messages("Filiale")[0]).toMatch(/lower case/);
    // escapes with upper-case letters are fine
    expect(
      compileTone({ categories: [category({ patterns: [{ id: "p", regex: "\\bx\\P{L}\\W" }] })] }, SRC),
    ).not.toSatisfy(Array.isArray);
  });

  it("reports bad phrase syntax, bad unless and exception regexes", () => {
    const errs = errors(
      compileTone(
        {
          categories: [
            category({
              phrases: { en: ["{unclosed", "ok", "{|}"] },
              patterns: [{ id: "p", regex: "x", unless: ["("] }],
              exceptions: [{ regex: ".*" }, { phrase: "a{b|c}" }, { phrase: "x", regex: "y" }],
            }),
          ],
        },
        SRC,
      ),
    );
    const byPath = Object.fromEntries(errs.map((e) => [e.path, e.message]));
    expect(byPath["tone.categories[0].exceptions[2]"]).toBe("give exactly one of phrase or regex");
    expect(Object.keys(byPath)).toHaveLength(1); // schema errors stop before compiling

    const compileErrs = errors(
      compileTone(
        {
          categories: [
            category({
              phrases: { en: ["{unclosed", "ok", "{|}"] },
              patterns: [{ id: "p", regex: "x", unless: ["("] }],
              exceptions: [{ regex: ".*" }, { phrase: "a{b|c}" }],
            }),
          ],
        },
        SRC,
      ),
    );
    expect(compileErrs.map((e) => [e.path, e.message])).toEqual([
      ["tone.categories[0].phrases.en[0]", 'phrase "{unclosed": `{` without a matching `}`'],
      ["tone.categories[0].phrases.en[2]", 'phrase "{|}": {} needs at least one non-empty alternative'],
      ["tone.categories[0].patterns[0].unless[0]", expect.stringMatching(/^invalid regular expression/)],
      ["tone.categories[0].exceptions[0].regex", "the regular expression matches empty text"],
      [
        "tone.categories[0].exceptions[1].phrase",
        'phrase "a{b|c}": write {alternatives} as whole words, with a space before `{`',
      ],
    ]);
  });

  it("refuses to change speakers or redefine a pattern id of an existing category", () => {
    const errs = errors(
      compileTone(
        {
          categories: [
            { id: "pretending_to_be_human", speakers: ["agent"] },
            { id: "confirmshaming", patterns: [{ id: "cancel-and-lose", regex: "x" }] },
          ],
        },
        SRC,
        defaultTone(),
      ),
    );
    expect(errs.map((e) => [e.ruleId, e.message])).toEqual([
      ["pretending_to_be_human", "speakers of an existing category cannot be changed"],
      ["confirmshaming/cancel-and-lose", "pattern cancel-and-lose is already defined"],
    ]);
  });

  it("applies span exceptions only where they overlap, sentence exceptions to the sentence, unless to a pattern", () => {
    const tone = compiled(
      compileTone(
        {
          categories: [
            category({
              phrases: { en: ["see you go"] },
              patterns: [{ id: "bye", regex: "\\bbye\\b", unless: ["\\bfor now\\b"] }],
              exceptions: [
                { phrase: "sorry to see you go", scope: "span" },
                { phrase: "just kidding", note: "sentence scope by default" },
              ],
            }),
          ],
        },
        SRC,
      ),
    );
    const cats = (text: string) => checkUtterance({ tone }, text, { speaker: "bot" }).map((f) => f.span.text);
    expect(cats("Sorry to see you go.")).toEqual([]);
    expect(cats("Sorry, see you go.")).toEqual(["see you go"]);
    expect(cats("See you go, just kidding.")).toEqual([]);
    expect(cats("See you go. Just kidding.")).toEqual(["See you go"]);
    expect(cats("Bye for now.")).toEqual([]);
    expect(cats("Bye.")).toEqual(["Bye"]);
  });

  it("treats a pack without a tone section as adding nothing", () => {
    const ext = compiled(compileTone(undefined, SRC, defaultTone()));
    expect(ext.categories.map((c) => c.id)).toEqual(defaultTone().categories.map((c) => c.id));
    expect(ext.files).toEqual(["policies/tone/default-tone.yaml", "policies/acme.yaml"]);
  });

  it("rejects a category defined twice in one section", () => {
    const errs = errors(compileTone({ categories: [category(), category()] }, SRC));
    expect(errs[0]?.message).toBe("category rudeness is defined twice in this section");
  });

  it("locates errors at line and column through positionOf", () => {
    const text = [
      "tone:",
      "  categories:",
      "    - id: rudeness",
      "      description: Rude.",
      "      citation: House rules",
      "      alternative: Be kind.",
      "      patterns:",
      "        - id: broken",
      "          regex: '(oops'",
    ].join("\n");
    const doc = parseDocument(text);
    const lines = text.split("\n");
    const positionOf = (path: readonly PropertyKey[]) => {
      const node = doc.getIn(path as unknown[], true) as { range?: [number, number] } | undefined;
      const offset = node?.range?.[0] ?? 0;
      const before = text.slice(0, offset).split("\n");
      return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
    };
    const errs = errors(compileTone(doc.toJS().tone, { file: "pack.yaml", positionOf }));
    expect(errs[0]).toMatchObject({ file: "pack.yaml", ruleId: "rudeness/broken", line: 9, column: 18 });
    expect(lines[8]?.slice(17)).toBe("'(oops'");
  });
});

describe("compileDefaultTone", () => {
  it("compiles the shipped default tone with every required category", () => {
    const ids = defaultTone().categories.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        "guilt_tripping",
        "confirmshaming",
        "pressure_false_urgency",
        "obstruction",
        "condescension",
        "blame",
        "misleading_fees",
        "pretending_to_be_human",
        "dissuasion",
      ]),
    );
    for (const c of defaultTone().categories) {
      expect(c.description, c.id).not.toBe("");
      expect(c.citation, c.id).not.toBe("");
      expect(c.alternative, c.id).not.toBe("");
    }
  });

  it("rejects a file without schemaVersion 1", () => {
    const errs = errors(compileDefaultTone({ schemaVersion: 2, tone: { categories: [] } }));
    expect(errs[0]).toMatchObject({ file: "policies/tone/default-tone.yaml", path: "schemaVersion" });
  });
});
