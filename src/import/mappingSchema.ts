/**
 * The mapping file (`fairexit import --mapping mapping.yaml`): how the fields of an external
 * CRM export become a FairExit customer. This is the shape as written; `compileMapping.ts`
 * then checks it against the customer model. Every object is strict, so a misspelt key is an
 * error that names its line. `docs/crm-import.md` documents every construct.
 */
import { z } from "zod";
import { VALUE_TYPES } from "./convertValue.js";
import { TRANSFORM_NAMES } from "./transforms.js";

const ColumnName = z.string().min(1, "expected a column name");

/** A value written in the mapping itself: a constant, a default, a value-map result. */
export const MappingScalar = z.union([z.string(), z.number(), z.boolean()], {
  error: "expected text, a number or true/false",
});

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === "string" ? [v] : v), z.array(item).min(1, "expected at least one entry"));

const Transform = z.enum(TRANSFORM_NAMES, {
  error: `expected a transform: ${TRANSFORM_NAMES.join(", ")}`,
});

/** One target field: where its value comes from and how it is read. */
export const FieldRuleObject = z.strictObject(
  {
    /** Source column (CSV) or field path (JSON); a list means "the first that is not empty". */
    column: oneOrMany(ColumnName).optional(),
    /** A constant, the same for every row. */
    value: MappingScalar.optional(),
    /** Text with `{Column}` placeholders, e.g. `crm-{AccountNo}`. */
    template: z
      .string()
      .regex(/\{[^{}]+\}/, "expected text with at least one {Column}")
      .optional(),
    /** Used when the source value is empty. */
    default: MappingScalar.optional(),
    /** Reject the row when this field ends up empty. */
    required: z.boolean().optional(),
    /** Only write this field when the named column is not empty. */
    when: ColumnName.optional(),
    transform: oneOrMany(Transform).optional(),
    /** Source value -> FairExit value, e.g. `DD: direct_debit`. */
    map: z.record(z.string(), MappingScalar).optional(),
    /** With `map`: the value for source values the map does not list (else the row is rejected). */
    otherwise: MappingScalar.optional(),
    type: z.enum(VALUE_TYPES, { error: `expected a type: ${VALUE_TYPES.join(", ")}` }).optional(),
    decimalComma: z.boolean().optional(),
    truthy: z.array(z.string().min(1)).min(1).optional(),
    falsy: z.array(z.string().min(1)).min(1).optional(),
    /** Date format such as `DD/MM/YYYY` or `YYYYMMDD HH:mm`. */
    format: z.string().min(1).optional(),
    /** IANA zone of date-times read with `format`, e.g. `Europe/Stockholm`. Default UTC. */
    timeZone: z.string().min(1).optional(),
    /** For list fields: splits `health|elderly` into items. */
    separator: z.string().min(1).optional(),
    /** For `name`: splits `Anna Svensson` (or `Svensson, Anna`) into given and family names. */
    splitName: z.boolean().optional(),
  },
  {
    error: (issue) =>
      issue.code === "invalid_type"
        ? "expected a column name or a rule such as { column: Email }"
        : undefined,
  },
);
export type FieldRuleObject = z.infer<typeof FieldRuleObject>;

/** `name.given: FirstName` is short for `name.given: { column: FirstName }`. */
export const FieldRule = z.preprocess((v) => (typeof v === "string" ? { column: v } : v), FieldRuleObject);
export type FieldRule = z.infer<typeof FieldRule>;

export const MappingFile = z.strictObject({
  version: z.literal(1, { error: "expected version: 1" }),
  description: z.string().optional(),
  /** The export's format; by default taken from the file name (`.csv`, `.json`). */
  format: z.enum(["csv", "json"], { error: "expected csv or json" }).optional(),
  csv: z
    .strictObject({
      delimiter: z.string().min(1).max(2).default(","),
      quote: z.string().length(1).default('"'),
      encoding: z.enum(["utf8", "latin1"], { error: "expected utf8 or latin1" }).default("utf8"),
    })
    .default({ delimiter: ",", quote: '"', encoding: "utf8" }),
  json: z
    .strictObject({
      /** Dotted path of the array of records inside the document, e.g. `data.accounts`. */
      records: z.string().min(1).optional(),
    })
    .default({}),
  /** Trim spaces around every source value (default true). */
  trim: z.boolean().default(true),
  /** Columns every row must have a value in. */
  required: z.array(ColumnName).default([]),
  /** Rows with the same value in these columns are one customer (e.g. one row per service). */
  mergeBy: oneOrMany(ColumnName).optional(),
  /** With `mergeBy`: the lists each row adds an entry to. Default `[services]`. */
  appendOnMerge: z.array(z.string().min(1)).min(1).optional(),
  /** Target path -> rule. */
  fields: z
    .record(z.string(), FieldRule)
    .refine((f) => Object.keys(f).length > 0, "expected at least one field"),
});
export type MappingFile = z.infer<typeof MappingFile>;
