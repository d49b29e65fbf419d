/**
 * Target paths: where a mapping rule writes inside a customer, e.g. `name.given`,
 * `services[0].monthlyFee` or `billing.paymentMethod.kind`. Paths are parsed once and
 * resolved against the `Customer` zod schema, so a typo in a mapping is reported when the
 * mapping is loaded, not as the same error on every row.
 */
import { z } from "zod";
import { Customer } from "../domain/customer.js";

export type Segment = string | number;
export type ScalarKind = "string" | "number" | "integer" | "boolean";

/** What a target path points at in the customer model. */
export type TargetNode =
  | { kind: ScalarKind; schema: z.ZodType }
  | { kind: "list"; item: ScalarKind; schema: z.ZodType }
  | { kind: "object"; keys: string[]; schema: z.ZodType }
  | { kind: "objectList"; schema: z.ZodType };

type Def = z.core.$ZodTypeDef & Record<string, unknown>;

const defOf = (schema: z.core.$ZodType): Def => schema._zod.def as Def;

const WRAPPERS = new Set(["optional", "default", "prefault", "nullable", "readonly", "catch", "nonoptional"]);

/** Removes optional/default wrappers: the schema of the value itself. */
function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  let s = schema;
  while (WRAPPERS.has(defOf(s).type)) s = defOf(s).innerType as z.core.$ZodType;
  return s;
}

/** True when an object key may be left out (optional or with a default). */
function isOptional(schema: z.core.$ZodType): boolean {
  const t = defOf(schema).type;
  return t === "optional" || t === "default" || t === "prefault";
}

/** The fields of an object, or of every option of a union of objects. */
function shapeOf(schema: z.core.$ZodType): Map<string, z.core.$ZodType> | undefined {
  const def = defOf(schema);
  if (def.type === "object") return new Map(Object.entries(def.shape as Record<string, z.core.$ZodType>));
  if (def.type === "union") {
    const byKey = new Map<string, z.core.$ZodType[]>();
    for (const option of def.options as z.core.$ZodType[]) {
      const shape = shapeOf(unwrap(option));
      if (!shape) return undefined;
      for (const [k, v] of shape) byKey.set(k, [...(byKey.get(k) ?? []), v]);
    }
    // A key several options have (the discriminator `kind`) accepts what any of them accepts.
    return new Map(
      [...byKey].map(([k, list]) => [
        k,
        list.length === 1 ? list[0]! : z.union(list.map((v) => unwrap(v)) as [z.ZodType, z.ZodType]),
      ]),
    );
  }
  return undefined;
}

/** Keys every option of a union (or the object itself) requires. */
function requiredKeys(schema: z.core.$ZodType): string[] {
  const def = defOf(schema);
  if (def.type === "object")
    return Object.entries(def.shape as Record<string, z.core.$ZodType>)
      .filter(([, v]) => !isOptional(v))
      .map(([k]) => k);
  if (def.type === "union") {
    const lists = (def.options as z.core.$ZodType[]).map((o) => requiredKeys(unwrap(o)));
    return (lists[0] ?? []).filter((k) => lists.every((l) => l.includes(k)));
  }
  return [];
}

function scalarKind(schema: z.core.$ZodType): ScalarKind | undefined {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
    case "enum":
    case "literal":
      return "string";
    case "number":
      return (schema as unknown as z.ZodNumber).isInt ? "integer" : "number";
    case "boolean":
      return "boolean";
    case "union": {
      const kinds = new Set((def.options as z.core.$ZodType[]).map((o) => scalarKind(unwrap(o))));
      const [only] = kinds;
      return kinds.size === 1 ? only : undefined;
    }
    default:
      return undefined;
  }
}

function describe(schema: z.core.$ZodType): TargetNode {
  const s = unwrap(schema);
  const zs = s as unknown as z.ZodType;
  const scalar = scalarKind(s);
  if (scalar) return { kind: scalar, schema: zs };
  const def = defOf(s);
  if (def.type === "array") {
    const element = unwrap(def.element as z.core.$ZodType);
    const item = scalarKind(element);
    return item ? { kind: "list", item, schema: zs } : { kind: "objectList", schema: zs };
  }
  return { kind: "object", keys: [...(shapeOf(s)?.keys() ?? [])], schema: zs };
}

/** Renders segments as `services[0].monthlyFee`. */
export function formatSegments(path: readonly Segment[]): string {
  let out = "";
  for (const s of path) out += typeof s === "number" ? `[${s}]` : out === "" ? s : `.${s}`;
  return out;
}

const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*/;

/** Parses `services[0].monthlyFee` into `["services", 0, "monthlyFee"]`, or returns why not. */
export function parseTargetPath(text: string): Segment[] | { error: string } {
  const segments: Segment[] = [];
  let rest = text;
  let first = true;
  while (rest !== "") {
    const index = /^\[(\d{1,3})\]/.exec(rest);
    if (index && !first) {
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
      continue;
    }
    if (!first) {
      if (!rest.startsWith(".")) return { error: `unexpected "${rest[0]}" in target path ${text}` };
      rest = rest.slice(1);
    }
    const name = NAME.exec(rest);
    if (!name) return { error: `expected a field name at "${rest}" in target path ${text}` };
    segments.push(name[0]);
    rest = rest.slice(name[0].length);
    first = false;
  }
  if (segments.length === 0) return { error: "empty target path" };
  return segments;
}

/** Resolves a parsed path against the customer model. */
export function resolveTarget(path: readonly Segment[]): TargetNode | { error: string } {
  let schema: z.core.$ZodType = Customer;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const here = formatSegments(path.slice(0, i)) || "a customer";
    const s = unwrap(schema);
    const def = defOf(s);
    if (def.type === "array") {
      if (typeof seg !== "number")
        return { error: `${here} is a list: write ${here}[0].${seg} (one entry per index)` };
      schema = def.element as z.core.$ZodType;
      continue;
    }
    if (typeof seg === "number") return { error: `${here} is not a list: [${seg}] does not apply` };
    const shape = shapeOf(s);
    if (!shape) return { error: `${here} has no fields: .${seg} does not apply` };
    const next = shape.get(seg);
    if (!next) return { error: `unknown field "${seg}" in ${here} (known: ${[...shape.keys()].join(", ")})` };
    schema = next;
  }
  return describe(schema);
}

/**
 * Paths the customer model requires that no target covers, e.g. `phone` or
 * `services[0].contract.noticeDays`. An object is only checked when some target writes
 * inside it; a target covers everything below it.
 */
export function missingRequired(targets: readonly (readonly Segment[])[]): string[] {
  const missing: string[] = [];
  const under = (prefix: readonly Segment[]) =>
    targets.filter((t) => t.length > prefix.length && prefix.every((p, i) => t[i] === p));
  const covers = (prefix: readonly Segment[]) =>
    targets.some((t) => t.length === prefix.length && prefix.every((p, i) => t[i] === p));

  const walk = (schema: z.core.$ZodType, prefix: Segment[]) => {
    const s = unwrap(schema);
    const def = defOf(s);
    if (def.type === "array") {
      const indices = new Set(under(prefix).map((t) => t[prefix.length]));
      for (const i of indices)
        if (typeof i === "number") walk(def.element as z.core.$ZodType, [...prefix, i]);
      return;
    }
    const shape = shapeOf(s);
    if (!shape) return;
    const required = new Set(requiredKeys(s));
    for (const [key, child] of shape) {
      const path = [...prefix, key];
      if (covers(path)) continue;
      if (under(path).length > 0) walk(child, path);
      else if (required.has(key)) missing.push(formatSegments(path));
    }
  };
  walk(Customer, []);
  return missing;
}
