/**
 * Compiles a checked CEL AST into plain JavaScript closures, for the part of CEL policies use
 * (field access, comparisons, logic, arithmetic without division, lists, the comprehension
 * macros, `has`, `size` and our functions). Same results and the same errors as the CEL
 * library on our plain-data variables, including CEL's rule that `false && error` is false;
 * a test runs every expression of the default packs both ways and compares.
 *
 * An expression with anything else (division, conversions, map literals …) is not compiled
 * and runs in the library's interpreter; a value of an unexpected shape met at run time
 * throws `UNSUPPORTED`, and the caller runs the interpreter for that evaluation instead.
 */
import type { ASTNode } from "@marcbachmann/cel-js";
import { isKind, type PolicyFunction } from "./functions.js";

type Vars = Readonly<Record<string, unknown>>;
type Closure = (vars: Vars, locals: unknown[]) => unknown;

/** Thrown when a value's shape is outside what the closures handle: interpret instead. */
export const UNSUPPORTED = Symbol("unsupported by the closure compiler");

const fail = (message: string): never => {
  throw new Error(message);
};
const noKey = (key: string): never => fail(`No such key: ${key}`);
const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" &&
  x !== null &&
  !Array.isArray(x) &&
  !(x instanceof Map) &&
  !(x instanceof Uint8Array);

function field(obj: unknown, key: string): unknown {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj) || key === "__proto__") throw UNSUPPORTED;
  if (obj instanceof Map) return obj.has(key) ? obj.get(key) : noKey(key);
  const v = (obj as Record<string, unknown>)[key];
  if (v === undefined) return noKey(key);
  // A function is inherited (toString …), never data: let the interpreter say what it is.
  if (typeof v === "function") throw UNSUPPORTED;
  return v;
}

function index(obj: unknown, i: unknown): unknown {
  if (Array.isArray(obj)) {
    if (typeof i !== "number" || !Number.isInteger(i)) throw UNSUPPORTED;
    if (i < 0 || i >= obj.length) fail(`No such key: index out of bounds, index ${i} >= size ${obj.length}`);
    return obj[i];
  }
  if (typeof i !== "string") throw UNSUPPORTED;
  return field(obj, i);
}

export function celEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => celEquals(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a);
    return (
      ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && celEquals(a[k], b[k]))
    );
  }
  if (typeof a === "object" && a !== null && typeof b === "object" && b !== null) throw UNSUPPORTED;
  return false;
}

function sizeOf(x: unknown): number {
  if (typeof x === "string") return [...x].length;
  if (Array.isArray(x)) return x.length;
  if (x instanceof Map) return x.size;
  if (isPlainObject(x)) return Object.keys(x).length;
  return fail(`found no matching overload for 'size(${typeof x})'`);
}

const bool = (x: unknown, op: string): boolean =>
  typeof x === "boolean" ? x : fail(`Logical operator requires bool operands (${op})`);

function logic(op: "&&" | "||", left: Closure, right: Closure): Closure {
  const decisive = op === "||";
  return (v, l) => {
    let error: unknown;
    let a: unknown;
    try {
      a = left(v, l);
      if (a === decisive) return decisive;
    } catch (e) {
      if (e === UNSUPPORTED) throw e;
      error = e;
    }
    const b = right(v, l);
    if (b === decisive) return decisive;
    if (error !== undefined) throw error;
    bool(a, op);
    bool(b, op);
    return !decisive;
  };
}

function compare(op: string, left: Closure, right: Closure): Closure {
  return (v, l) => {
    const a = left(v, l) as number | string;
    const b = right(v, l) as number | string;
    const t = typeof a;
    if ((t !== "number" && t !== "string") || typeof b !== t)
      fail(`no such overload: ${t} ${op} ${typeof b}`);
    switch (op) {
      case "<":
        return a < b;
      case "<=":
        return a <= b;
      case ">":
        return a > b;
      default:
        return a >= b;
    }
  };
}

function arithmetic(op: string, left: Closure, right: Closure): Closure {
  return (v, l) => {
    const a = left(v, l);
    const b = right(v, l);
    if (typeof a === "number" && typeof b === "number")
      return op === "+" ? a + b : op === "-" ? a - b : a * b;
    if (op === "+" && typeof a === "string" && typeof b === "string") return a + b;
    if (op === "+" && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
    return fail(`no such overload: ${typeof a} ${op} ${typeof b}`);
  };
}

type Macro = "exists" | "all" | "filter" | "map";

function comprehension(
  name: Macro,
  list: Closure,
  slot: number,
  pred: Closure | undefined,
  body: Closure | undefined,
): Closure {
  return (v, l) => {
    const items = list(v, l);
    if (!Array.isArray(items)) throw UNSUPPORTED;
    const out: unknown[] = [];
    let error: unknown;
    for (const item of items) {
      l[slot] = item;
      if (name === "map" && !pred) {
        out.push(body!(v, l));
        continue;
      }
      let ok: boolean;
      try {
        ok = bool(pred!(v, l), name);
      } catch (e) {
        if (e === UNSUPPORTED || name === "filter" || name === "map") throw e;
        error ??= e;
        continue;
      }
      if (name === "exists" && ok) return true;
      if (name === "all" && !ok) return false;
      if (ok && name === "filter") out.push(item);
      if (ok && name === "map") out.push(body!(v, l));
    }
    if (error !== undefined) throw error;
    return name === "exists" ? false : name === "all" ? true : out;
  };
}

class Compiler {
  constructor(
    private readonly variables: ReadonlySet<string>,
    private readonly functions: ReadonlyMap<string, PolicyFunction>,
  ) {}

  compile(node: ASTNode, scope: readonly string[]): Closure | undefined {
    const args = node.args as unknown;
    switch (node.op) {
      case "value": {
        const x = typeof args === "bigint" ? Number(args) : args;
        return x === null || ["string", "number", "boolean"].includes(typeof x) ? () => x : undefined;
      }
      case "id": {
        const name = args as string;
        const at = scope.lastIndexOf(name);
        if (at >= 0) return (_v, l) => l[at];
        if (!this.variables.has(name)) return undefined;
        return (v) => v[name] ?? fail(`Unknown variable: ${name}`);
      }
      case ".": {
        const [obj, key] = args as [ASTNode, string];
        const o = this.compile(obj, scope);
        return o && ((v, l) => field(o(v, l), key));
      }
      case "[]": {
        const [obj, at] = (args as [ASTNode, ASTNode]).map((n) => this.compile(n, scope));
        return obj && at && ((v, l) => index(obj(v, l), at(v, l)));
      }
      case "!_": {
        const x = this.compile(args as ASTNode, scope);
        return x && ((v, l) => !bool(x(v, l), "!"));
      }
      case "-_": {
        const x = this.compile(args as ASTNode, scope);
        return (
          x &&
          ((v, l) => {
            const n = x(v, l);
            return typeof n === "number" ? -n : fail(`no such overload: -${typeof n}`);
          })
        );
      }
      case "list": {
        const nodes = args as ASTNode[];
        if (nodes.every((n) => n.op === "value")) {
          const constant = nodes.map((n) => (typeof n.args === "bigint" ? Number(n.args) : n.args));
          return () => constant;
        }
        const items = nodes.map((n) => this.compile(n, scope));
        if (items.some((i) => !i)) return undefined;
        return (v, l) => items.map((i) => i!(v, l));
      }
      case "?:": {
        const [c, a, b] = (args as ASTNode[]).map((n) => this.compile(n, scope));
        if (!c || !a || !b) return undefined;
        return (v, l) => {
          const cond = c(v, l);
          if (typeof cond !== "boolean") fail(`Ternary condition must be bool, got '${typeof cond}'`);
          return cond ? a(v, l) : b(v, l);
        };
      }
      case "call":
        return this.call(args as [string, ASTNode[]], scope);
      case "rcall":
        return this.method(args as [string, ASTNode, ASTNode[]], scope);
      default:
        return this.binary(node, scope);
    }
  }

  private binary(node: ASTNode, scope: readonly string[]): Closure | undefined {
    const op = node.op as string;
    if (!["&&", "||", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "in"].includes(op)) return undefined;
    const [left, right] = (node.args as [ASTNode, ASTNode]).map((n) => this.compile(n, scope));
    if (!left || !right) return undefined;
    if (op === "&&" || op === "||") return logic(op, left, right);
    if (op === "==") return (v, l) => celEquals(left(v, l), right(v, l));
    if (op === "!=") return (v, l) => !celEquals(left(v, l), right(v, l));
    const [, rightNode] = node.args as [ASTNode, ASTNode];
    if (
      op === "in" &&
      rightNode.op === "list" &&
      (rightNode.args as ASTNode[]).every((n) => n.op === "value" && typeof n.args === "string")
    ) {
      const members = new Set((rightNode.args as ASTNode[]).map((n) => n.args as string));
      return (v, l) => {
        const x = left(v, l);
        if (typeof x === "string") return members.has(x);
        if (typeof x === "object" && x !== null) throw UNSUPPORTED;
        return false;
      };
    }
    if (op === "in")
      return (v, l) => {
        const x = left(v, l);
        const coll = right(v, l);
        if (Array.isArray(coll)) return coll.some((y) => celEquals(x, y));
        if (typeof x !== "string") throw UNSUPPORTED;
        if (coll instanceof Map) return coll.has(x);
        return isPlainObject(coll)
          ? Object.hasOwn(coll, x)
          : fail(`no such overload: ${typeof x} in ${typeof coll}`);
      };
    if (op === "+" || op === "-" || op === "*") return arithmetic(op, left, right);
    return compare(op, left, right);
  }

  private call([name, argNodes]: [string, ASTNode[]], scope: readonly string[]): Closure | undefined {
    if (name === "has") {
      const target = argNodes[0];
      if (argNodes.length !== 1 || target?.op !== ".") return undefined;
      const [objNode, key] = target.args as [ASTNode, string];
      const obj = this.compile(objNode, scope);
      return (
        obj &&
        ((v, l) => {
          const o = obj(v, l);
          if (o instanceof Map) return o.has(key);
          if (!isPlainObject(o)) throw UNSUPPORTED;
          return Object.hasOwn(o, key) && o[key] !== undefined;
        })
      );
    }
    const args = argNodes.map((n) => this.compile(n, scope));
    if (args.some((a) => !a)) return undefined;
    if (name === "size" && args.length === 1) return (v, l) => sizeOf(args[0]!(v, l));
    const def = this.functions.get(name);
    if (!def || def.params.length !== args.length) return undefined;
    const fn = def.fn as (...a: unknown[]) => unknown;
    return (v, l) => {
      const values = args.map((a) => a!(v, l));
      values.forEach((x, i) => {
        if (!isKind(x, def.params[i]!)) fail(`found no matching overload for '${name}'`);
      });
      return fn(...values);
    };
  }

  private method(
    [name, recvNode, argNodes]: [string, ASTNode, ASTNode[]],
    scope: readonly string[],
  ): Closure | undefined {
    const recv = this.compile(recvNode, scope);
    if (!recv) return undefined;
    if (name === "exists" || name === "all" || name === "filter" || name === "map") {
      const [bound, ...rest] = argNodes;
      if (bound?.op !== "id" || rest.length < 1 || rest.length > 2 || (rest.length === 2 && name !== "map"))
        return undefined;
      const inner = [...scope, bound.args as string];
      const parts = rest.map((n) => this.compile(n, inner));
      if (parts.some((p) => !p)) return undefined;
      const slot = inner.length - 1;
      if (name === "map")
        return comprehension("map", recv, slot, parts.length === 2 ? parts[0] : undefined, parts.at(-1));
      return comprehension(name, recv, slot, parts[0], undefined);
    }
    const args = argNodes.map((n) => this.compile(n, scope));
    if (args.some((a) => !a)) return undefined;
    if (name === "size" && args.length === 0) return (v, l) => sizeOf(recv(v, l));
    if (name === "join" && args.length <= 1)
      return (v, l) => {
        const items = recv(v, l);
        const sep = args[0] ? args[0](v, l) : "";
        if (!Array.isArray(items) || typeof sep !== "string" || !items.every((x) => typeof x === "string"))
          throw UNSUPPORTED;
        return items.join(sep);
      };
    if ((name === "startsWith" || name === "endsWith" || name === "contains") && args.length === 1)
      return (v, l) => {
        const s = recv(v, l);
        const x = args[0]!(v, l);
        if (typeof s !== "string" || typeof x !== "string") throw UNSUPPORTED;
        return name === "startsWith" ? s.startsWith(x) : name === "endsWith" ? s.endsWith(x) : s.includes(x);
      };
    return undefined;
  }
}

/**
 * The closure for `ast`, or undefined when the expression uses something the compiler does
 * not handle. The closure may throw `UNSUPPORTED` at run time (see above).
 */
export function compileClosure(
  ast: ASTNode,
  variables: ReadonlySet<string>,
  functions: ReadonlyMap<string, PolicyFunction>,
): ((vars: Vars) => unknown) | undefined {
  const closure = new Compiler(variables, functions).compile(ast, []);
  return closure && ((vars) => closure(vars, []));
}
