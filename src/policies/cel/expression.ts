/**
 * Compiling one CEL expression or one `{{ }}` template, once, at load: parse and type-check
 * in the typed environment (errors carry the character offset), then parse for the runtime
 * environment. What the expression reads is recorded so a decision's trace can show the
 * values it saw.
 */
import type { ASTNode } from "@marcbachmann/cel-js";
import { type Runtime, VARIABLE_TYPES, type VariableName } from "./environment.js";
import { COVERAGE_VARIABLE } from "./functions.js";
import { type PathReader, pathReader } from "./objectCode.js";

export interface CompiledExpr {
  readonly source: string;
  /** The source on one line, shortened, for the trace. */
  readonly display: string;
  /** Variable paths read, e.g. `["facts", "months_left"]`, for the trace. */
  readonly reads: readonly (readonly string[])[];
  /** `reads` written as `a.b.c`. */
  readonly readLabels: readonly string[];
  /**
   * The values of the first `SHOWN_READS` of `reads` (undefined where a path breaks off),
   * objects passed through the second argument.
   */
  readonly readValues?: PathReader;
  /** Fact names read as `facts.<name>`. */
  readonly factsRead: readonly string[];
  /** Set when the expression reads no variable: its value, computed at load. */
  readonly constant?: { value: unknown };
  /** Runs the expression in the CEL interpreter; throws on an evaluation error (callers catch). */
  evaluate(vars: Readonly<Record<string, unknown>>): unknown;
}

/** How many of the values an expression read its trace shows; more are written as `...`. */
export const SHOWN_READS = 4;

export interface TemplatePart {
  text: string;
  expr?: CompiledExpr;
}

export interface CompiledTemplate {
  readonly source: string;
  readonly parts: readonly TemplatePart[];
  readonly factsRead: readonly string[];
}

/** A problem in an expression, `offset` characters into its source. */
export interface ExprProblem {
  offset: number;
  message: string;
}

/** What the expression must produce. */
export type Expect = "bool" | "number" | "string" | "list" | "any";

const ACCEPTS: Record<Expect, (type: string) => boolean> = {
  bool: (t) => t === "bool" || t === "dyn",
  number: (t) => t === "double" || t === "int" || t === "uint" || t === "dyn",
  string: (t) => t === "string" || t === "dyn",
  list: (t) => t.startsWith("list") || t === "dyn",
  any: () => true,
};

const EXPECT_WORDS: Record<Expect, string> = {
  bool: "true or false",
  number: "a number",
  string: "text",
  list: "a list",
  any: "a value",
};

export function isProblem(x: unknown): x is ExprProblem {
  return typeof x === "object" && x !== null && "offset" in x && "message" in x;
}

/** How long an error message from the interpreter may be. */
const MAX_MESSAGE = 300;

function firstLine(e: unknown): string {
  const line = String((e as Error).message ?? e).split("\n")[0]!;
  // The interpreter may quote the whole expression; a supervisor needs the start and the place.
  return line.length > MAX_MESSAGE ? `${line.slice(0, MAX_MESSAGE - 1)}…` : line;
}

function errorOffset(e: unknown): number {
  const err = e as { range?: { start: number }; node?: { start?: number; pos?: number } };
  return err.range?.start ?? err.node?.start ?? err.node?.pos ?? 0;
}

function isNode(x: unknown): x is ASTNode {
  return typeof x === "object" && x !== null && "op" in x && "args" in x;
}

/** True when the AST calls a function that reads the decision's data (e.g. `covered`). */
function callsPerDecision(node: unknown, runtime: Runtime): boolean {
  if (Array.isArray(node)) return node.some((n) => callsPerDecision(n, runtime));
  if (!isNode(node)) return false;
  if (node.op === "call" && runtime.functions.get((node.args as [string, unknown])[0])?.perDecision)
    return true;
  return callsPerDecision(node.args, runtime);
}

/**
 * `source` with the coverage variable added as the last argument of every call of a
 * `perDecision` function (`covered(a, b, c)` runs as `covered(a, b, c, __coverage)`), so the
 * runtime functions get the decision's coverage table from the variables, like any input.
 */
function passCoverage(source: string, ast: ASTNode, runtime: Runtime): string {
  const at: number[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (!isNode(node)) return;
    if (node.op === "call" && runtime.functions.get((node.args as [string, unknown])[0])?.perDecision) {
      const end = (node as ASTNode & { end?: number }).end;
      if (end === undefined || source[end - 1] !== ")") throw new Error(`cannot place ${COVERAGE_VARIABLE}`);
      at.push(end - 1);
    }
    visit(node.args);
  };
  visit(ast);
  let out = source;
  for (const i of at.sort((a, b) => b - a)) out = `${out.slice(0, i)}, ${COVERAGE_VARIABLE}${out.slice(i)}`;
  return out;
}

/** Collects the variable paths an AST reads (`service.contract.noticeDays`, `today`). */
function collectReads(node: unknown, variables: ReadonlySet<string>, out: Map<string, string[]>): void {
  if (Array.isArray(node)) {
    for (const n of node) collectReads(n, variables, out);
    return;
  }
  if (!isNode(node)) return;
  if (node.op === "." || node.op === ".?") {
    const path: string[] = [];
    let cur: ASTNode = node;
    while (cur.op === "." || cur.op === ".?") {
      const [left, field] = cur.args as [ASTNode, string];
      path.unshift(field);
      cur = left;
    }
    if (cur.op === "id" && variables.has(cur.args as string)) {
      path.unshift(cur.args as string);
      out.set(path.join("."), path);
      return;
    }
    collectReads(cur, variables, out);
    return;
  }
  if (node.op === "id") {
    const name = node.args as string;
    if (variables.has(name)) out.set(name, [name]);
    return;
  }
  collectReads(node.args, variables, out);
}

/**
 * Compiles `source` for `variables`, requiring a result of kind `expect`. Returns the
 * compiled expression or the problem, located by character offset.
 */
export function compileExpression(
  source: string,
  variables: readonly VariableName[],
  runtime: Runtime,
  expect: Expect = "any",
): CompiledExpr | ExprProblem {
  if (source.includes(COVERAGE_VARIABLE))
    return { offset: source.indexOf(COVERAGE_VARIABLE), message: `${COVERAGE_VARIABLE} is a reserved name` };
  const env = runtime.checking(variables);
  let ast: ASTNode;
  try {
    const parsed = env.parse(source);
    const checked = parsed.check();
    if (!checked.valid) return { offset: errorOffset(checked.error), message: firstLine(checked.error) };
    const type = checked.type ?? "dyn";
    if (!ACCEPTS[expect](type))
      return { offset: 0, message: `expected ${EXPECT_WORDS[expect]}, but this expression gives ${type}` };
    ast = parsed.ast;
  } catch (e) {
    return { offset: errorOffset(e), message: firstLine(e) };
  }
  const perDecision = callsPerDecision(ast, runtime);
  const run = runtime.env.parse(perDecision ? passCoverage(source, ast, runtime) : source);
  const readsMap = new Map<string, string[]>();
  collectReads(ast, new Set(variables), readsMap);
  const reads = [...readsMap.values()];
  const factsRead = [...new Set(reads.filter((p) => p[0] === "facts" && p.length > 1).map((p) => p[1]!))];
  const oneLine = source.replace(/\s+/g, " ");
  const expr: CompiledExpr = {
    source,
    display: oneLine.length > 120 ? `${oneLine.slice(0, 117)}...` : oneLine,
    reads,
    readLabels: reads.map((p) => p.join(".")),
    readValues: pathReader(reads.slice(0, SHOWN_READS)),
    factsRead,
    evaluate: run,
  };
  if (reads.length === 0 && !perDecision) {
    try {
      return { ...expr, constant: { value: run({}) } };
    } catch (e) {
      return { offset: errorOffset(e), message: firstLine(e) };
    }
  }
  return expr;
}

/**
 * Compiles a template: text with `{{ expression }}` placeholders. Each placeholder may give
 * any value; it is rendered as text.
 */
export function compileTemplate(
  source: string,
  variables: readonly VariableName[],
  runtime: Runtime,
): CompiledTemplate | ExprProblem {
  const parts: TemplatePart[] = [];
  let i = 0;
  while (i < source.length) {
    const open = source.indexOf("{{", i);
    if (open < 0) {
      parts.push({ text: source.slice(i) });
      break;
    }
    if (open > i) parts.push({ text: source.slice(i, open) });
    const close = source.indexOf("}}", open + 2);
    if (close < 0) return { offset: open, message: "a {{ placeholder is not closed with }}" };
    const inner = source.slice(open + 2, close);
    const lead = inner.length - inner.trimStart().length;
    if (inner.trim() === "") return { offset: open, message: "an empty {{ }} placeholder" };
    const expr = compileExpression(inner.trim(), variables, runtime, "any");
    if (isProblem(expr)) return { offset: open + 2 + lead + expr.offset, message: expr.message };
    parts.push({ text: "", expr });
    i = close + 2;
  }
  const factsRead = [...new Set(parts.flatMap((p) => p.expr?.factsRead ?? []))];
  return { source, parts, factsRead };
}

/** The variables known in every expression, for docs and error messages. */
export const ALL_VARIABLES = Object.keys(VARIABLE_TYPES) as VariableName[];
