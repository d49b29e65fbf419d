/**
 * Small functions generated once, at load, for reading and building the plain objects a
 * decision works on: with the property names written in the code, V8 gives each read and
 * write its own inline cache and keeps the objects in its fast mode. Names are written with
 * `JSON.stringify`. Where code generation is disallowed, plain loops do the same.
 */

type Vars = Readonly<Record<string, unknown>>;

const q = (s: string) => JSON.stringify(s);

/** Reads the values at some paths of the variables; objects among them go through `keep`. */
export type PathReader = (vars: Vars, keep: (object: object) => unknown) => unknown[];

/**
 * `(v, keep) => [v.a.b, keep(v.c)]` for `paths`: the values an expression read, for its
 * trace, objects (lists, maps) passed through `keep`. A step from something that is not an
 * object gives undefined.
 */
export function pathReader(paths: readonly (readonly string[])[]): PathReader {
  const read = (path: readonly string[]) => {
    const value = path
      .slice(1)
      .reduce(
        (code, key) => `(x = ${code}, x !== null && typeof x === "object" ? x[${q(key)}] : undefined)`,
        `v[${q(path[0]!)}]`,
      );
    return `(x = ${value}, x !== null && typeof x === "object" ? keep(x) : x)`;
  };
  try {
    return new Function("v", "keep", `let x; return [${paths.map(read).join(", ")}];`) as PathReader;
  } catch {
    return (vars, keep) =>
      paths.map((path) => {
        let cur: unknown = vars;
        for (const key of path) {
          if (cur === null || typeof cur !== "object") return undefined;
          cur = (cur as Record<string, unknown>)[key];
        }
        return cur !== null && typeof cur === "object" ? keep(cur) : cur;
      });
  }
}

/**
 * `(object, value) => { object[name] = value; }` with `name` written in the code: objects
 * that get many properties this way (a decision's facts) stay in V8's fast mode, where a
 * computed `object[name] = value` would turn them into slow dictionaries after a dozen.
 */
export function propertySetter(name: string): (object: Record<string, unknown>, value: unknown) => void {
  try {
    return new Function("o", "x", `o[${q(name)}] = x;`) as (
      object: Record<string, unknown>,
      value: unknown,
    ) => void;
  } catch {
    // Code generation disallowed: a computed store.
  }
  return (object, value) => {
    object[name] = value;
  };
}

/**
 * `(source) => ({ a: source.a, b: source.b, … })` for `names`, in that order: one object
 * literal, so every copy shares one fast shape (a spread, or a loop of computed stores, is far
 * slower and ends in slow dictionaries).
 */
export function propertyPicker(
  names: readonly string[],
): (source: Readonly<Record<string, unknown>>) => Record<string, unknown> {
  if (names.every((n) => n !== "__proto__")) {
    try {
      return new Function("s", `return { ${names.map((n) => `${q(n)}: s[${q(n)}]`).join(", ")} };`) as (
        source: Readonly<Record<string, unknown>>,
      ) => Record<string, unknown>;
    } catch {
      // Code generation disallowed: copy one by one.
    }
  }
  return (source) => {
    const out: Record<string, unknown> = {};
    for (const n of names)
      Object.defineProperty(out, n, {
        value: source[n],
        writable: true,
        enumerable: true,
        configurable: true,
      });
    return out;
  };
}
