/**
 * Compiled closures must agree with the CEL interpreter: same value, or both an error.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRuntime } from "../../../src/policies/cel/environment.js";
import type { CompiledExpr } from "../../../src/policies/cel/expression.js";
import { compileExpression, isProblem } from "../../../src/policies/cel/expression.js";
import { decide } from "../../../src/policies/decide.js";
import { plain } from "../../../src/policies/evaluate.js";
import { conversationArb, coverageArb, customerArb, nowArb } from "./arbitraries.js";
import { defaultPolicy } from "./support.js";

type Outcome = { value: unknown } | { error: true };

function run(f: () => unknown): Outcome {
  try {
    return { value: plain(f()) };
  } catch {
    return { error: true };
  }
}

const runtime = createRuntime();
const vars = {
  // The coverage table `covered()` reads: an input in the variables, as `decide` passes it.
  __coverage: [{ country: "GB", kind: "broadband", postcodePrefixes: ["SW1A"] }],
  customer: {
    id: "c",
    services: [
      { id: "a", kind: "mobile" },
      { id: "b", kind: "tv" },
    ],
    promises: [],
  },
  conversation: { reason: "price", claims: [], keepNumber: null, serviceIds: ["a"] },
  today: "2026-11-23",
  now: "2026-11-23T10:00:00Z",
  facts: { n: 3, s: "x", t: true, f: false, l: [1, 2, 3], o: { k: 1 }, empty: {}, nul: null },
  totals: { GBP: 12.5 },
};

const EXPRESSIONS = [
  "facts.n * 100 + 1",
  "facts.n > 2 && facts.s == 'x'",
  "facts.empty.b && facts.f",
  "facts.f && facts.empty.b",
  "facts.empty.b || facts.t",
  "facts.empty.b && facts.t",
  "facts.l.exists(x, x == 2 || facts.empty.b)",
  "facts.l.all(x, x > 5 && facts.empty.b)",
  "facts.l.filter(x, x > 1).map(y, y * 10)",
  "facts.l.map(x, x > 1, x * 10)",
  "size(facts.l) + facts.l.size()",
  "facts.n == 'x'",
  "facts.nul == true",
  "facts.s < facts.n",
  "facts.l == [1, 2, 3]",
  "'k' in facts.o",
  "2 in facts.l",
  "facts.l[5]",
  "facts.l[0]",
  "facts.o.missing",
  "has(facts.o.k) && !has(facts.o.z)",
  "facts.n + facts.s",
  "facts.s + facts.s",
  "facts.t ? 1 : facts.s",
  "facts.nul ? 1 : 2",
  "!facts.n",
  "-facts.s",
  "conversation.keepNumber != false",
  'conversation.reason in ["price", "moving"]',
  "customer.services.exists(s, s.id in conversation.serviceIds && s.kind == 'mobile')",
  "customer.services.map(s, s.id).join('+')",
  "money(facts.n * 1.5, 'GBP') + ' ' + moneyTotals(totals)",
  "money(facts.s, 'GBP')",
  "addMonths(today, facts.n) < addDays(today, 100)",
  "covered('broadband', 'GB', 'SW1A 1AA') && !covered('broadband', 'GB', 'EH1')",
  "min(facts.n, 2) + max(1, facts.n)",
  "sum(facts.l)",
  "facts.s.startsWith('x') && !facts.s.contains('y')",
  "facts.n * 5 / 100",
  "facts.n / 0",
  "2 / facts.n",
  "totals.GBP / 2.0",
  "facts.s / 2",
  "string(int(facts.n * 1.5)) + ' months'",
  "string(int(facts.s))",
];

describe("compiled closures and the CEL interpreter", () => {
  for (const source of EXPRESSIONS) {
    it(`agree on ${source}`, () => {
      const expr = compileExpression(
        source,
        ["customer", "conversation", "today", "now", "facts", "totals"],
        runtime,
      );
      if (isProblem(expr)) throw new Error(expr.message);
      expect(expr.interpret, "expected the expression to compile to closures").toBeDefined();
      expect(run(() => expr.evaluate(vars))).toEqual(run(() => expr.interpret!(vars)));
    });
  }

  it("agree on every expression of the default packs, for generated customers", () => {
    const policy = defaultPolicy();
    const mismatches: string[] = [];
    const seen = new Set<object>();
    const wrap = (x: unknown): void => {
      if (x === null || typeof x !== "object" || seen.has(x)) return;
      seen.add(x);
      const e = x as CompiledExpr & { evaluate: CompiledExpr["evaluate"] };
      if (typeof e.evaluate === "function" && e.interpret) {
        const fast = e.evaluate;
        const slow = e.interpret;
        e.evaluate = (v) => {
          const a = run(() => fast(v));
          const b = run(() => slow(v));
          if (JSON.stringify(a) !== JSON.stringify(b))
            mismatches.push(`${e.source}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
          return fast(v);
        };
        return;
      }
      for (const v of Array.isArray(x) ? x : Object.values(x)) wrap(v);
    };
    wrap(policy.packs);
    fc.assert(
      fc.property(
        customerArb,
        conversationArb,
        nowArb,
        coverageArb,
        (customer, conversation, now, coverage) => {
          decide(policy, { customer, coverage, conversation }, now);
        },
      ),
      { numRuns: 150 },
    );
    expect([...new Set(mismatches)]).toEqual([]);
  });
});
