/**
 * Compiles one field rule of a mapping: resolves its target path against the customer
 * model, works out the value type (inferred from the model when not given), compiles its
 * date format, and checks every constant, default and value-map result against the field.
 * Problems carry the path of the offending key in the mapping file.
 */
import type { z } from "zod";
import { type Conversion, convertValue, type Scalar, type ValueType } from "./convertValue.js";
import { compileDateFormat, isTimeZone } from "./dateFormat.js";
import type { FieldRuleObject } from "./mappingSchema.js";
import { parseTargetPath, resolveTarget, type Segment, type TargetNode } from "./targetPaths.js";
import { splitList, type TransformName } from "./transforms.js";

/** A value written in the mapping, already in FairExit's form (a list for list fields). */
export type Literal = Scalar | Scalar[];

export type FieldSource =
  | { kind: "column"; columns: string[] }
  | { kind: "value"; value: Literal }
  | { kind: "template"; template: string; columns: string[]; parts: TemplatePart[] };

/** A template cut into literal text and columns: `crm-{AccountNo}` -> `["crm-", { column: "AccountNo" }]`. */
export type TemplatePart = string | { column: string };

export interface CompiledField {
  /** The target path as written, e.g. `services[0].monthlyFee`. */
  target: string;
  path: Segment[];
  node: TargetNode;
  source: FieldSource;
  transforms: TransformName[];
  conversion: Conversion;
  map?: ReadonlyMap<string, Literal>;
  otherwise?: Literal;
  default?: Literal;
  required: boolean;
  when?: string;
  separator?: string;
  splitName: boolean;
}

export interface MappingProblem {
  /** Path of the offending key in the mapping file, e.g. `["fields", "email", "type"]`. */
  path: Segment[];
  message: string;
  /** Point at the key itself rather than its value. */
  atKey?: boolean;
}

const TYPES_FOR: Record<string, readonly ValueType[]> = {
  string: ["string", "date", "datetime"],
  number: ["number", "integer"],
  integer: ["integer", "number"],
  boolean: ["boolean"],
};

const DEFAULT_TYPE: Record<string, ValueType> = {
  string: "string",
  number: "number",
  integer: "integer",
  boolean: "boolean",
};

export function templateParts(template: string): TemplatePart[] {
  return template
    .split(/(\{[^{}]+\})/)
    .filter((p) => p !== "")
    .map((p) => (p.startsWith("{") && p.endsWith("}") ? { column: p.slice(1, -1).trim() } : p));
}

function firstIssue(error: z.ZodError): string {
  return error.issues[0]?.message ?? "invalid";
}

export class FieldCompiler {
  readonly problems: MappingProblem[] = [];
  constructor(
    private readonly target: string,
    private readonly rule: FieldRuleObject,
  ) {}

  private at(key: Segment[], message: string, atKey = false) {
    this.problems.push({ path: ["fields", this.target, ...key], message, atKey });
  }

  private fail(key: Segment[], message: string, atKey = false): undefined {
    this.at(key, message, atKey);
    return undefined;
  }

  compile(): CompiledField | undefined {
    const { target, rule } = this;
    const path = parseTargetPath(target);
    if ("error" in path) return this.fail([], path.error, true);
    const node = resolveTarget(path);
    if ("error" in node) return this.fail([], node.error, true);

    const sources = (["column", "value", "template"] as const).filter((k) => rule[k] !== undefined);
    if (sources.length !== 1)
      return this.fail(
        [],
        sources.length === 0
          ? `${target}: give a column, a value or a template`
          : `${target}: give only one of column, value and template (got ${sources.join(", ")})`,
        true,
      );

    const conversion = this.conversion(node);
    if (!conversion) return undefined;
    const literal = this.literalReader(node, conversion.type);

    let source: FieldSource;
    if (rule.column !== undefined) source = { kind: "column", columns: rule.column };
    else if (rule.template !== undefined) {
      const parts = templateParts(rule.template);
      const columns = parts.flatMap((p) => (typeof p === "string" ? [] : [p.column]));
      source = { kind: "template", template: rule.template, columns, parts };
    } else {
      const value = literal(rule.value!, ["value"]);
      if (value === undefined) return undefined;
      source = { kind: "value", value };
    }

    let map: Map<string, Literal> | undefined;
    if (rule.map) {
      map = new Map();
      for (const [from, to] of Object.entries(rule.map)) {
        const value = literal(to, ["map", from], true);
        if (value !== undefined) map.set(from, value);
      }
    }
    if (rule.otherwise !== undefined && !rule.map)
      this.at(["otherwise"], "otherwise only applies with a map");
    const otherwise = rule.otherwise === undefined ? undefined : literal(rule.otherwise, ["otherwise"], true);
    const fallback = rule.default === undefined ? undefined : literal(rule.default, ["default"]);
    if (this.problems.length > 0) return undefined;
    return {
      target,
      path,
      node,
      source,
      transforms: rule.transform ?? [],
      conversion,
      map,
      otherwise,
      default: fallback,
      required: rule.required ?? false,
      when: rule.when,
      separator: rule.separator,
      splitName: rule.splitName ?? false,
    };
  }

  /** Works out the value type and checks the options that only fit some types. */
  private conversion(node: TargetNode): Conversion | undefined {
    const { rule, target } = this;
    if (rule.splitName) {
      if (node.kind !== "object" || !node.keys.includes("given") || !node.keys.includes("family"))
        return this.fail(["splitName"], `splitName writes given and family names: ${target} is not a name`);
      if (rule.type !== undefined && rule.type !== "string")
        return this.fail(["type"], "splitName reads text: leave out type or use string");
      return { type: "string" };
    }
    if (node.kind === "object")
      return this.fail(
        [],
        `${target} is an object: map its fields (${node.keys.map((k) => `${target}.${k}`).join(", ")})`,
        true,
      );
    if (node.kind === "objectList")
      return this.fail(
        [],
        `${target} is a list of objects: map its entries' fields, e.g. ${target}[0].id`,
        true,
      );
    if (node.kind === "list" && rule.separator === undefined)
      return this.fail(
        [],
        `${target} is a list: add separator (e.g. separator: "|") to split the value`,
        true,
      );
    if (node.kind !== "list" && rule.separator !== undefined)
      return this.fail(["separator"], `separator only applies to list fields; ${target} holds one value`);

    const kind = node.kind === "list" ? node.item : node.kind;
    const type = rule.type ?? DEFAULT_TYPE[kind]!;
    if (!TYPES_FOR[kind]!.includes(type))
      return this.fail(["type"], `type ${type} does not fit ${target}, which holds ${kindName(kind)}`);

    const conversion: Conversion = { type };
    const only = (key: keyof FieldRuleObject, types: ValueType[], what: string) => {
      if (rule[key] !== undefined && !types.includes(type))
        this.at([key], `${key} only applies to ${what} (this field is read as ${type})`);
    };
    only("decimalComma", ["number", "integer"], "numbers");
    only("truthy", ["boolean"], "booleans");
    only("falsy", ["boolean"], "booleans");
    only("format", ["date", "datetime"], "type: date or datetime");
    only("timeZone", ["datetime"], "type: datetime");
    if (rule.decimalComma !== undefined) conversion.decimalComma = rule.decimalComma;
    if (rule.truthy) conversion.truthy = rule.truthy;
    if (rule.falsy) conversion.falsy = rule.falsy;
    if (rule.format !== undefined) {
      const format = compileDateFormat(rule.format);
      if ("error" in format) this.at(["format"], format.error);
      else conversion.format = format;
    }
    if (rule.timeZone !== undefined) {
      if (!isTimeZone(rule.timeZone))
        this.at(
          ["timeZone"],
          `unknown time zone ${rule.timeZone} (expected an IANA name such as Europe/London)`,
        );
      else if (rule.format === undefined)
        this.at(["timeZone"], "timeZone needs a format: ISO date-times carry their own offset");
      else conversion.timeZone = rule.timeZone;
    }
    return conversion;
  }

  /**
   * Reads a value written in the mapping (a constant, a default, a map result). These are
   * FairExit values: no transforms, no date format, no decimal comma. For a list field a
   * constant or default is split by the separator; a map result is one item.
   */
  private literalReader(node: TargetNode, type: ValueType) {
    return (raw: Scalar, key: Segment[], oneItem = false): Literal | undefined => {
      if (this.rule.splitName) return raw;
      const read = (v: Scalar): Scalar | undefined => {
        const c = convertValue(v, { type });
        if (c.ok) return c.value;
        this.at(key, `expected ${c.expected} for ${this.target}, got ${JSON.stringify(v)}`);
        return undefined;
      };
      const separator = this.rule.separator ?? "";
      const items =
        node.kind !== "list"
          ? undefined
          : oneItem || typeof raw !== "string"
            ? [raw]
            : splitList(raw, separator);
      const value = items ? items.map(read) : read(raw);
      if (value === undefined || (Array.isArray(value) && value.some((v) => v === undefined)))
        return undefined;
      const checked = node.schema.safeParse(value);
      if (!checked.success)
        return this.fail(
          key,
          `${JSON.stringify(raw)} does not fit ${this.target}: ${firstIssue(checked.error)}`,
        );
      return Array.isArray(value) && oneItem ? (value[0] as Scalar) : (value as Literal);
    };
  }
}

function kindName(kind: string): string {
  return kind === "integer" ? "a whole number" : kind === "boolean" ? "true/false" : `a ${kind}`;
}
