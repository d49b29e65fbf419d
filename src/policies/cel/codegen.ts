/**
 * Compiles a checked CEL AST into one plain JavaScript function, for the part of CEL policies
 * use (field access, comparisons, logic, `+ - *`, division with a double side, lists, the
 * comprehension macros, `has`, `size`, `string(int(x))` and our functions). Same results and
 * the same errors as the CEL library on our plain-data variables, including CEL's rule that
 * `false && error` is false; a test runs every expression of the default packs both ways.
 *
 * Why generate code: each field read in the generated function has its own inline cache, so
 * `service.contract.noticeDays` costs what it costs in hand-written JavaScript, and nothing is
 * allocated per evaluation but the values the expression builds. The source is generated
 * only from the checked AST: names and string literals are written with `JSON.stringify`,
 * other constants are passed in, never spliced into the text.
 *
 * An expression with anything else (integer division, other conversions, map literals …) is
 * not compiled and runs in the library's interpreter; a value of an unexpected shape met at
 * run time throws `UNSUPPORTED` inside, and that evaluation runs in the interpreter instead.
 */
import type { ASTNode } from "@marcbachmann/cel-js";
import { COVERAGE_VARIABLE, type PolicyFunction } from "./functions.js";
import { isDouble, kindTest } from "./kinds.js";
import * as cel from "./semantics.js";

type Vars = Readonly<Record<string, unknown>>;

const BINARY = new Set(["&&", "||", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "in"]);
const MACROS = new Set(["exists", "all", "filter", "map"]);
const q = (s: string) => JSON.stringify(s);

/**
 * Writes statements into `out` and returns a JavaScript expression for the node's value that
 * is safe to use more than once (a temporary, a local, a constant or a literal), or undefined
 * when the node is outside what is compiled.
 */
class Generator {
  private temps = 0;
  private locals = 0;
  readonly constants: unknown[] = [];

  constructor(
    private readonly variables: ReadonlySet<string>,
    private readonly functions: ReadonlyMap<string, PolicyFunction>,
  ) {}

  get declarations(): string {
    const names = [
      ...Array.from({ length: this.temps }, (_, i) => `t${i}`),
      ...Array.from({ length: this.locals }, (_, i) => `l${i}`),
    ];
    return names.length === 0 ? "" : `let ${names.join(", ")};`;
  }

  private temp(): string {
    return `t${this.temps++}`;
  }

  private constant(value: unknown): string {
    this.constants.push(value);
    return `c[${this.constants.length - 1}]`;
  }

  private literal(value: unknown): string | undefined {
    const x = typeof value === "bigint" ? Number(value) : value;
    if (x === null) return "null";
    if (typeof x === "string") return q(x);
    if (typeof x === "boolean") return String(x);
    if (typeof x === "number") return Number.isFinite(x) && !Object.is(x, -0) ? `(${x})` : this.constant(x);
    return undefined;
  }

  expr(node: ASTNode, scope: readonly string[], out: string[]): string | undefined {
    const args = node.args as unknown;
    switch (node.op) {
      case "value":
        return this.literal(args);
      case "id": {
        const name = args as string;
        const at = scope.lastIndexOf(name);
        if (at >= 0) return `l${at}`;
        if (!this.variables.has(name)) return undefined;
        const t = this.temp();
        out.push(`${t} = v[${q(name)}] ?? unknownVariable(${q(name)});`);
        return t;
      }
      case ".": {
        const [objNode, key] = args as [ASTNode, string];
        const o = this.expr(objNode, scope, out);
        if (!o) return undefined;
        const t = this.temp();
        if (key === "__proto__") {
          out.push(`${t} = field(${o}, ${q(key)});`);
          return t;
        }
        // A Map's entries are not its properties: only `size` reads as data from a Map, so
        // only then is the Map test needed here (otherwise `field` handles the Map).
        const notMap = key === "size" ? ` && !(${o} instanceof Map)` : "";
        out.push(
          `if (!(typeof ${o} === "object" && ${o} !== null && !Array.isArray(${o})${notMap} && ` +
            `(${t} = ${o}[${q(key)}]) !== undefined && typeof ${t} !== "function")) ${t} = field(${o}, ${q(key)});`,
        );
        return t;
      }
      case "[]": {
        const [objNode, atNode] = args as [ASTNode, ASTNode];
        const o = this.expr(objNode, scope, out);
        const i = o && this.expr(atNode, scope, out);
        if (!o || !i) return undefined;
        const t = this.temp();
        out.push(`${t} = index(${o}, ${i});`);
        return t;
      }
      case "!_": {
        const x = this.expr(args as ASTNode, scope, out);
        if (!x) return undefined;
        const t = this.temp();
        out.push(`if (typeof ${x} !== "boolean") notBool("!");`, `${t} = !${x};`);
        return t;
      }
      case "-_": {
        const x = this.expr(args as ASTNode, scope, out);
        if (!x) return undefined;
        const t = this.temp();
        out.push(`${t} = negate(${x});`);
        return t;
      }
      case "list":
        return this.list(args as ASTNode[], scope, out);
      case "?:":
        return this.conditional(args as [ASTNode, ASTNode, ASTNode], scope, out);
      case "call":
        return this.call(args as [string, ASTNode[]], scope, out);
      case "rcall":
        return this.method(args as [string, ASTNode, ASTNode[]], scope, out);
      default:
        return this.binary(node, scope, out);
    }
  }

  private list(nodes: ASTNode[], scope: readonly string[], out: string[]): string | undefined {
    if (nodes.every((n) => n.op === "value"))
      return this.constant(nodes.map((n) => (typeof n.args === "bigint" ? Number(n.args) : n.args)));
    const items: string[] = [];
    for (const n of nodes) {
      const x = this.expr(n, scope, out);
      if (!x) return undefined;
      items.push(x);
    }
    const t = this.temp();
    out.push(`${t} = [${items.join(", ")}];`);
    return t;
  }

  private conditional(
    [condNode, aNode, bNode]: [ASTNode, ASTNode, ASTNode],
    scope: readonly string[],
    out: string[],
  ): string | undefined {
    const condOut: string[] = [];
    const aOut: string[] = [];
    const bOut: string[] = [];
    const c = this.expr(condNode, scope, condOut);
    const a = this.expr(aNode, scope, aOut);
    const b = this.expr(bNode, scope, bOut);
    if (!c || !a || !b) return undefined;
    const t = this.temp();
    out.push(
      ...condOut,
      `if (typeof ${c} !== "boolean") notBoolCondition(${c});`,
      `if (${c}) {`,
      ...aOut,
      `${t} = ${a};`,
      "} else {",
      ...bOut,
      `${t} = ${b};`,
      "}",
    );
    return t;
  }

  private binary(node: ASTNode, scope: readonly string[], out: string[]): string | undefined {
    const op = node.op as string;
    if (!BINARY.has(op)) return undefined;
    const [leftNode, rightNode] = node.args as [ASTNode, ASTNode];
    // Division of two CEL ints is integer division; numbers here are all JS numbers, so only a
    // division with a side that is a double whenever it is a number is compiled (see `isDouble`).
    if (op === "/" && !this.isDouble(leftNode, scope) && !this.isDouble(rightNode, scope)) return undefined;
    const leftOut: string[] = [];
    const rightOut: string[] = [];
    const a = this.expr(leftNode, scope, leftOut);
    const b = this.expr(rightNode, scope, rightOut);
    if (!a || !b) return undefined;
    const t = this.temp();
    if (op === "&&" || op === "||") {
      // CEL: the deciding value wins even when the other side fails (`false && error` is false).
      const decisive = String(op === "||");
      const error = this.temp();
      const left = this.temp();
      out.push(
        `${error} = undefined; ${left} = undefined;`,
        "try {",
        ...leftOut,
        `${left} = ${a};`,
        `} catch (e) { if (e === UNSUPPORTED) throw e; ${error} = e; }`,
        `if (${left} === ${decisive}) ${t} = ${decisive}; else {`,
        ...rightOut,
        `if (${b} === ${decisive}) ${t} = ${decisive}; else {`,
        `if (${error} !== undefined) throw ${error};`,
        `if (typeof ${left} !== "boolean" || typeof ${b} !== "boolean") notBool(${q(op)});`,
        `${t} = ${String(op !== "||")}; } }`,
      );
      return t;
    }
    out.push(...leftOut);
    if (
      op === "in" &&
      rightNode.op === "list" &&
      (rightNode.args as ASTNode[]).every((n) => n.op === "value" && typeof n.args === "string")
    ) {
      const members = this.constant(new Set((rightNode.args as ASTNode[]).map((n) => n.args as string)));
      out.push(`${t} = typeof ${a} === "string" ? ${members}.has(${a}) : inStrings(${members}, ${a});`);
      return t;
    }
    out.push(...rightOut);
    switch (op) {
      case "==":
      case "!=": {
        const equal = `(${a} === ${b} || (typeof ${a} === "object" && typeof ${b} === "object" && celEquals(${a}, ${b})))`;
        out.push(`${t} = ${op === "==" ? equal : `!${equal}`};`);
        return t;
      }
      case "in":
        out.push(`${t} = inCollection(${a}, ${b});`);
        return t;
      case "/":
        // As CEL does for a double and an int or two doubles; anything else is interpreted.
        out.push(
          `${t} = typeof ${a} === "number" && typeof ${b} === "number" ? ${a} / ${b} : unsupported();`,
        );
        return t;
      case "+":
      case "-":
      case "*":
        out.push(
          `${t} = typeof ${a} === "number" && typeof ${b} === "number" ? ${a} ${op} ${b} : arithmetic(${q(op)}, ${a}, ${b});`,
        );
        return t;
      default:
        out.push(
          `${t} = (typeof ${a} === "number" && typeof ${b} === "number") || (typeof ${a} === "string" && typeof ${b} === "string") ? ${a} ${op} ${b} : compare(${q(op)}, ${a}, ${b});`,
        );
        return t;
    }
  }

  private isDouble(node: ASTNode, scope: readonly string[]): boolean {
    return isDouble(node, scope, this.variables, this.functions);
  }

  private args(nodes: ASTNode[], scope: readonly string[], out: string[]): string[] | undefined {
    const values: string[] = [];
    for (const n of nodes) {
      const x = this.expr(n, scope, out);
      if (!x) return undefined;
      values.push(x);
    }
    return values;
  }

  private call(
    [name, argNodes]: [string, ASTNode[]],
    scope: readonly string[],
    out: string[],
  ): string | undefined {
    if (name === "has") {
      const target = argNodes[0];
      if (argNodes.length !== 1 || target?.op !== ".") return undefined;
      const [objNode, key] = target.args as [ASTNode, string];
      const o = this.expr(objNode, scope, out);
      if (!o) return undefined;
      const t = this.temp();
      const k = q(key);
      out.push(
        key === "__proto__"
          ? `${t} = has(${o}, ${k});`
          : `${t} = typeof ${o} === "object" && ${o} !== null && !Array.isArray(${o}) && !(${o} instanceof Map) && ` +
              `!(${o} instanceof Uint8Array) ? ${o}[${k}] !== undefined && Object.hasOwn(${o}, ${k}) : has(${o}, ${k});`,
      );
      return t;
    }
    const inner = argNodes[0];
    if (name === "string" && argNodes.length === 1 && inner?.op === "call") {
      // `string(int(x))`, to write a number without decimals: what CEL gives, for any finite
      // number written without an exponent; anything else is interpreted.
      const [innerName, innerArgs] = inner.args as [string, ASTNode[]];
      if (innerName !== "int" || innerArgs.length !== 1) return undefined;
      const x = this.expr(innerArgs[0]!, scope, out);
      if (!x) return undefined;
      const t = this.temp();
      out.push(
        `${t} = typeof ${x} === "number" && Math.abs(${x}) < 1e21 ? String(Math.trunc(${x})) : unsupported();`,
      );
      return t;
    }
    const args = this.args(argNodes, scope, out);
    if (!args) return undefined;
    const t = this.temp();
    if (name === "size" && args.length === 1) {
      out.push(`${t} = Array.isArray(${args[0]}) ? ${args[0]}.length : sizeOf(${args[0]});`);
      return t;
    }
    const def = this.functions.get(name);
    if (!def || def.params.length !== args.length) return undefined;
    const checks = args.map((a, i) => kindTest(a, def.params[i]!));
    out.push(`if (!(${checks.join(" && ")})) noOverload(${q(name)});`);
    if (def.perDecision) {
      // The decision's coverage table, passed as the interpreter passes it (expression.ts).
      const coverage = this.temp();
      out.push(`${coverage} = v[${q(COVERAGE_VARIABLE)}] ?? unknownVariable(${q(COVERAGE_VARIABLE)});`);
      args.push(coverage);
    }
    out.push(`${t} = ${this.constant(def.fn)}(${args.join(", ")});`);
    return t;
  }

  private method(
    [name, recvNode, argNodes]: [string, ASTNode, ASTNode[]],
    scope: readonly string[],
    out: string[],
  ): string | undefined {
    const recv = this.expr(recvNode, scope, out);
    if (!recv) return undefined;
    if (MACROS.has(name)) return this.macro(name, recv, argNodes, scope, out);
    const args = this.args(argNodes, scope, out);
    if (!args) return undefined;
    const t = this.temp();
    if (name === "size" && args.length === 0) {
      out.push(`${t} = Array.isArray(${recv}) ? ${recv}.length : sizeOf(${recv});`);
      return t;
    }
    if (name === "join" && args.length <= 1) {
      out.push(`${t} = join(${recv}, ${args[0] ?? '""'});`);
      return t;
    }
    if ((name === "startsWith" || name === "endsWith" || name === "contains") && args.length === 1) {
      out.push(`${t} = stringMethod(${q(name)}, ${recv}, ${args[0]});`);
      return t;
    }
    return undefined;
  }

  /** `list.exists(x, p)`, `all`, `filter`, `map(x, f)` and `map(x, p, f)`, as a loop. */
  private macro(
    name: string,
    items: string,
    argNodes: ASTNode[],
    scope: readonly string[],
    out: string[],
  ): string | undefined {
    const [bound, ...rest] = argNodes;
    if (bound?.op !== "id" || rest.length < 1 || rest.length > 2 || (rest.length === 2 && name !== "map"))
      return undefined;
    const inner = [...scope, bound.args as string];
    const slot = inner.length - 1;
    this.locals = Math.max(this.locals, inner.length);
    const local = `l${slot}`;
    const predOut: string[] = [];
    const bodyOut: string[] = [];
    const hasPred = name !== "map" || rest.length === 2;
    const pred = hasPred ? this.expr(rest[0]!, inner, predOut) : undefined;
    const body = name === "map" ? this.expr(rest.at(-1)!, inner, bodyOut) : undefined;
    if ((hasPred && !pred) || (name === "map" && !body)) return undefined;
    const t = this.temp();
    const i = this.temp();
    const list = this.temp();
    const error = this.temp();
    const done = this.temp();
    out.push(
      `if (!Array.isArray(${items})) throw UNSUPPORTED;`,
      `${list} = ${name === "filter" || name === "map" ? "[]" : "undefined"}; ${error} = undefined; ${done} = false;`,
      `for (${i} = 0; ${i} < ${items}.length; ${i}++) {`,
      `${local} = ${items}[${i}];`,
    );
    if (!hasPred) out.push(...bodyOut, `${list}.push(${body});`);
    else if (name === "filter" || name === "map") {
      // An error in the predicate ends filter and map.
      out.push(...predOut, `if (typeof ${pred} !== "boolean") notBool(${q(name)});`);
      if (name === "filter") out.push(`if (${pred}) ${list}.push(${local});`);
      else out.push(`if (${pred}) {`, ...bodyOut, `${list}.push(${body}); }`);
    } else {
      // exists and all: a later deciding element wins over an earlier error.
      const ok = this.temp();
      out.push(
        "try {",
        ...predOut,
        `if (typeof ${pred} !== "boolean") notBool(${q(name)});`,
        `${ok} = ${pred};`,
        `} catch (e) { if (e === UNSUPPORTED) throw e; ${error} ??= e; continue; }`,
        name === "exists"
          ? `if (${ok}) { ${t} = true; ${done} = true; break; }`
          : `if (!${ok}) { ${t} = false; ${done} = true; break; }`,
      );
    }
    const result = name === "exists" ? "false" : name === "all" ? "true" : list;
    out.push("}", `if (!${done}) { if (${error} !== undefined) throw ${error}; ${t} = ${result}; }`);
    return t;
  }
}

/**
 * The JavaScript function for `ast`, or undefined when the expression uses something the
 * generator does not handle. A value of a shape the generated code does not handle makes that
 * evaluation run in `interpret` (the library's interpreter) instead.
 */
export function compileToJs(
  ast: ASTNode,
  variables: ReadonlySet<string>,
  functions: ReadonlyMap<string, PolicyFunction>,
  interpret: (vars: Vars) => unknown,
): ((vars: Vars) => unknown) | undefined {
  const gen = new Generator(variables, functions);
  const body: string[] = [];
  const result = gen.expr(ast, [], body);
  if (!result) return undefined;
  const source = [
    `const { ${Object.keys(cel).join(", ")} } = h;`,
    "return function compiledCel(v) {",
    gen.declarations,
    "try {",
    ...body,
    `return ${result};`,
    "} catch (e) { if (e === UNSUPPORTED) return interpret(v); throw e; }",
    "};",
  ].join("\n");
  try {
    return new Function("h", "c", "interpret", source)(cel, gen.constants, interpret) as (
      vars: Vars,
    ) => unknown;
  } catch {
    // Code generation disallowed (--disallow-code-generation-from-strings): interpret.
    return undefined;
  }
}
