/**
 * The policy loader under hostile edits: the real packs of policies/ with random mutations
 * (keys deleted, values of the wrong type, huge numbers, broken or pathological CEL, duplicate
 * rule ids, broken YAML) compile to a policy or to errors that each name one of the files given,
 * a line and column inside it and a plain message; never a throw, never a hang (the test's
 * timeout bounds it). What still compiles decides for a customer without throwing.
 * A compile of the four packs takes 0.1-0.5 s here, hence fewer runs than the other fuzz files
 * (FUZZ_RUNS raises them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import YAML from "yaml";
import { compile, isCompiledPolicy, type PolicySourceFile } from "../../src/policies/compile.js";
import { decide } from "../../src/policies/decide.js";
import { customer, NOW, POLICY_DIR, ukCoverage } from "../policies/engine/support.js";
import { fuzzParameters } from "./fuzzSettings.js";

const NAMES = ["baseline", "uk-telecom", "eu-consumer", "us-california"];
const PACKS: PolicySourceFile[] = NAMES.map((n) => ({
  path: `policies/${n}.yaml`,
  text: readFileSync(join(POLICY_DIR, `${n}.yaml`), "utf8"),
}));
const TONE: PolicySourceFile = {
  path: "policies/tone/default-tone.yaml",
  text: readFileSync(join(POLICY_DIR, "tone/default-tone.yaml"), "utf8"),
};

type Path = (string | number)[];
/** A parsed YAML object or array, indexed by key or position. */
type Node = Record<string | number, unknown> & unknown[];
/** Every path to a node of a parsed pack (objects' keys and arrays' indices), the root excluded. */
function pathsOf(value: unknown, base: Path = []): Path[] {
  if (value === null || typeof value !== "object") return [];
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, i) => [i, v])
    : Object.entries(value);
  return entries.flatMap(([k, v]) => [[...base, k], ...pathsOf(v, [...base, k])]);
}

const BAD_CEL = [
  "((",
  "facts.no_such_fact",
  "1 +",
  'size("a", "b")',
  "customer.services.exists(s, s.exists(t, t))",
  '"unterminated',
  "1 / 0",
  "[1, 2][5]",
  "customer.nope.deeper",
  "true ? 1 : 'a'",
  "conversation.reason == ",
  `${"(".repeat(500)}1${")".repeat(500)}`,
  `${"!".repeat(2000)}true`,
  Array.from({ length: 500 }, (_, i) => `x${i}`).join(" && "),
  "a".repeat(20_000),
  "{{ customer.name }}",
  "covered()",
  "locationBound(1, 2, 3)",
  "customer.services.map(s, customer.services.map(t, customer.services.map(u, 1)))",
  "\u0000",
  "9223372036854775808",
  "1e400",
];
const WRONG = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, "", [], {}, [[]], { id: 1 }),
  fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 1024, 1e-320, 2 ** 31, -(2 ** 53)),
  fc.string({ maxLength: 20 }),
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom(...BAD_CEL),
);

type Mutation =
  | { kind: "delete"; pick: number }
  | { kind: "replace"; pick: number; value: unknown }
  | { kind: "duplicate"; pick: number }
  | { kind: "text"; at: number; cut: number; insert: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant("replace" as const), pick: fc.nat(), value: WRONG }),
  fc.record({ kind: fc.constant("duplicate" as const), pick: fc.nat() }),
  fc.record({
    kind: fc.constant("text" as const),
    at: fc.nat(),
    cut: fc.nat({ max: 40 }),
    insert: fc.oneof(
      fc.constantFrom(
        ":",
        "- ",
        "\t",
        "{",
        "]",
        "&a",
        "*a",
        "\nx: *nope\n",
        "!!js/function",
        "\n  x: [",
        "'",
      ),
      fc.string({ maxLength: 8 }),
    ),
  }),
);

function parsedOrUndefined(text: string): unknown {
  try {
    return YAML.parse(text);
  } catch {
    return undefined; // already broken by an earlier text edit: only text edits apply
  }
}

function mutate(text: string, mutations: Mutation[]): string {
  let doc: unknown = parsedOrUndefined(text);
  let out = text;
  for (const m of mutations) {
    if (m.kind === "text") {
      const at = m.at % (out.length + 1);
      out = out.slice(0, at) + m.insert + out.slice(at + m.cut);
      doc = undefined;
      continue;
    }
    if (doc === undefined) continue;
    const paths = pathsOf(doc);
    const path = paths[m.pick % paths.length]!;
    const parent = path.slice(0, -1).reduce((node, k) => node[k] as Node, doc as Node);
    const key = path[path.length - 1]!;
    if (m.kind === "delete") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.kind === "replace") parent[key] = m.value;
    else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
    else parent[`${String(key)}`] = structuredClone(parent[key]);
    out = YAML.stringify(doc, { lineWidth: 0 });
  }
  return out;
}

const caseArb = fc.record({
  /** The pack compiled (with baseline, which every other pack extends). */
  pack: fc.nat({ max: NAMES.length - 1 }),
  /** Mutations of that pack, and of baseline under it. */
  own: fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
  base: fc.option(fc.array(mutationArb, { minLength: 1, maxLength: 2 }), { freq: 4 }),
  withTone: fc.boolean(),
});

describe("compiling a pack with an alias to no anchor (the flaw the import fuzz found in the mapping loader, seed 180018)", () => {
  it("is a YAML error at the alias, not a thrown ReferenceError", () => {
    const text = `${PACKS[0]!.text}\nnotes: *nope\n`;
    const result = compile([{ path: "policies/baseline.yaml", text }]);
    expect(isCompiledPolicy(result)).toBe(false);
    expect(result).toEqual([
      expect.objectContaining({
        file: "policies/baseline.yaml",
        line: text.split("\n").length - 1,
        message: expect.stringMatching(/^YAML: .*alias.*nope/),
      }),
    ]);
  });
});

describe("compiling a pack with a very long broken expression (20,000 characters, found by the fuzz)", () => {
  it("names the rule and the place, without repeating the whole expression", () => {
    const base = PACKS[0]!.text;
    const at = base.indexOf("when: ");
    const end = base.indexOf("\n", at);
    const text = `${base.slice(0, at)}when: ${"customer.x && ".repeat(1500)}(${base.slice(end)}`;
    const result = compile([{ path: "policies/baseline.yaml", text }]);
    expect(isCompiledPolicy(result)).toBe(false);
    if (isCompiledPolicy(result)) return;
    expect(result.length).toBeGreaterThan(0);
    for (const e of result) expect(e.message.length).toBeLessThan(600);
  });
});

describe("compiling mutated copies of the real policy packs", () => {
  it("gives a policy or errors naming a given file, a line and a message; never throws", () => {
    fc.assert(
      fc.property(caseArb, ({ pack, own, base, withTone }) => {
        const files = (pack === 0 ? [0] : [0, pack]).map((i) => ({ ...PACKS[i]! }));
        files[files.length - 1]!.text = mutate(files[files.length - 1]!.text, own);
        if (base && pack !== 0) files[0]!.text = mutate(files[0]!.text, base);
        const result = compile(files, withTone ? { defaultTone: TONE } : {});
        if (isCompiledPolicy(result)) {
          const d = decide(result, { customer: customer(), coverage: ukCoverage, conversation: {} }, NOW);
          expect(Array.isArray(d.services)).toBe(true);
          return;
        }
        expect(result.length).toBeGreaterThan(0);
        const lines = new Map([...files, TONE].map((f) => [f.path, f.text.split("\n").length + 1]));
        for (const e of result) {
          expect(lines.has(e.file), `error in an unknown file: ${JSON.stringify(e)}`).toBe(true);
          expect(e.line).toBeGreaterThanOrEqual(1);
          expect(e.line).toBeLessThanOrEqual(lines.get(e.file)!);
          expect(e.column).toBeGreaterThanOrEqual(1);
          expect(typeof e.message).toBe("string");
          expect(e.message.trim().length).toBeGreaterThan(0);
          expect(e.message).not.toMatch(/undefined|\[object Object\]|TypeError|Cannot read/);
        }
      }),
      fuzzParameters(50),
    );
  }, 300_000);

  it("names the rule when a rule's own field is broken", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PACKS.map((_, i) => i)),
        fc.nat(),
        fc.constantFrom(...BAD_CEL.slice(0, 11)),
        (i, pick, cel) => {
          const file = PACKS[i]!;
          const doc = YAML.parse(file.text) as Record<string, unknown>;
          const whens = pathsOf(doc).filter(
            (p) => p[p.length - 1] === "when" && typeof p[1] === "number" && p.length === 3,
          );
          fc.pre(whens.length > 0);
          const path = whens[pick % whens.length]!;
          const rule = (doc[path[0] as string] as Record<string, unknown>[])[path[1] as number]!;
          rule.when = cel;
          const files = PACKS.map((f) =>
            f === file ? { ...f, text: YAML.stringify(doc, { lineWidth: 0 }) } : f,
          );
          const result = compile(files);
          expect(isCompiledPolicy(result), `"${cel}" compiled in ${String(rule.id)}`).toBe(false);
          const errors = result as Exclude<typeof result, { revision: string }>;
          expect(errors.some((e) => e.file === file.path && e.ruleId === rule.id)).toBe(true);
        },
      ),
      fuzzParameters(50),
    );
  }, 300_000);
});
