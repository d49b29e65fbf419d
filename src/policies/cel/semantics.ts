/**
 * CEL's meaning for the operations compiled expressions perform (`codegen.ts`), on our
 * plain-data variables: the same results and the same errors as the CEL library. The
 * generated code inlines the common case (a field of a plain object, arithmetic on numbers …)
 * and calls these for the rest. A value of a shape outside what they handle throws
 * `UNSUPPORTED`, and the caller runs the library's interpreter for that evaluation instead.
 */

/** Thrown when a value's shape is outside what compiled code handles: interpret instead. */
export const UNSUPPORTED = Symbol("unsupported by the expression compiler");

export function fail(message: string): never {
  throw new Error(message);
}

export function unsupported(): never {
  throw UNSUPPORTED;
}

const noKey = (key: string): never => fail(`No such key: ${key}`);

export const isPlainObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === "object" &&
  x !== null &&
  !Array.isArray(x) &&
  !(x instanceof Map) &&
  !(x instanceof Uint8Array);

export function unknownVariable(name: string): never {
  return fail(`Unknown variable: ${name}`);
}

/** `obj.key`. */
export function field(obj: unknown, key: string): unknown {
  if (typeof obj !== "object" || obj === null || Array.isArray(obj) || key === "__proto__") throw UNSUPPORTED;
  if (obj instanceof Map) return obj.has(key) ? obj.get(key) : noKey(key);
  const v = (obj as Record<string, unknown>)[key];
  if (v === undefined) return noKey(key);
  // A function is inherited (toString …), never data: let the interpreter say what it is.
  if (typeof v === "function") throw UNSUPPORTED;
  return v;
}

/** `obj[i]`. */
export function index(obj: unknown, i: unknown): unknown {
  if (Array.isArray(obj)) {
    if (typeof i !== "number" || !Number.isInteger(i)) throw UNSUPPORTED;
    if (i < 0 || i >= obj.length) fail(`No such key: index out of bounds, index ${i} >= size ${obj.length}`);
    return obj[i];
  }
  if (typeof i !== "string") throw UNSUPPORTED;
  return field(obj, i);
}

/** `a == b`. */
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

/** `size(x)`. */
export function sizeOf(x: unknown): number {
  if (typeof x === "string") return [...x].length;
  if (Array.isArray(x)) return x.length;
  if (x instanceof Map) return x.size;
  if (isPlainObject(x)) return Object.keys(x).length;
  return fail(`found no matching overload for 'size(${typeof x})'`);
}

/** `has(obj.key)`. */
export function has(obj: unknown, key: string): boolean {
  if (obj instanceof Map) return obj.has(key);
  if (!isPlainObject(obj)) throw UNSUPPORTED;
  return Object.hasOwn(obj, key) && obj[key] !== undefined;
}

/** A logical operator (or macro predicate) met something other than true or false. */
export function notBool(op: string): never {
  return fail(`Logical operator requires bool operands (${op})`);
}

export function notBoolCondition(cond: unknown): never {
  return fail(`Ternary condition must be bool, got '${typeof cond}'`);
}

export function negate(n: unknown): number {
  return typeof n === "number" ? -n : fail(`no such overload: -${typeof n}`);
}

/** `a < b` and the like, for numbers and strings. */
export function compare(op: string, a: unknown, b: unknown): boolean {
  const t = typeof a;
  if ((t !== "number" && t !== "string") || typeof b !== t) fail(`no such overload: ${t} ${op} ${typeof b}`);
  const x = a as number | string;
  const y = b as number | string;
  switch (op) {
    case "<":
      return x < y;
    case "<=":
      return x <= y;
    case ">":
      return x > y;
    default:
      return x >= y;
  }
}

/** `a + b`, `a - b`, `a * b`. */
export function arithmetic(op: string, a: unknown, b: unknown): unknown {
  if (typeof a === "number" && typeof b === "number") return op === "+" ? a + b : op === "-" ? a - b : a * b;
  if (op === "+" && typeof a === "string" && typeof b === "string") return a + b;
  if (op === "+" && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  return fail(`no such overload: ${typeof a} ${op} ${typeof b}`);
}

/** `x in [..strings..]`, the list known at load. */
export function inStrings(members: ReadonlySet<string>, x: unknown): boolean {
  if (typeof x === "string") return members.has(x);
  if (typeof x === "object" && x !== null) throw UNSUPPORTED;
  return false;
}

/** `x in coll`. */
export function inCollection(x: unknown, coll: unknown): boolean {
  if (Array.isArray(coll)) return coll.some((y) => celEquals(x, y));
  if (typeof x !== "string") throw UNSUPPORTED;
  if (coll instanceof Map) return coll.has(x);
  return isPlainObject(coll)
    ? Object.hasOwn(coll, x)
    : fail(`no such overload: ${typeof x} in ${typeof coll}`);
}

export function noOverload(name: string): never {
  return fail(`found no matching overload for '${name}'`);
}

/** `list.join(sep)`. */
export function join(items: unknown, sep: unknown): string {
  if (!Array.isArray(items) || typeof sep !== "string" || !items.every((x) => typeof x === "string"))
    throw UNSUPPORTED;
  return items.join(sep);
}

/** `s.startsWith(x)`, `s.endsWith(x)`, `s.contains(x)`. */
export function stringMethod(name: string, s: unknown, x: unknown): boolean {
  if (typeof s !== "string" || typeof x !== "string") throw UNSUPPORTED;
  return name === "startsWith" ? s.startsWith(x) : name === "endsWith" ? s.endsWith(x) : s.includes(x);
}
