/**
 * Type conversion of one source value: text from a CSV cell (or a JSON value) to the string,
 * number, boolean, date or date-time the customer model expects. Pure; a failure says what
 * was expected so the caller can name the row, field, column and the value it got.
 */
import { type DateFormat, parseDateParts, toIsoDate, toIsoDateTime } from "./dateFormat.js";

export const VALUE_TYPES = ["string", "number", "integer", "boolean", "date", "datetime"] as const;
export type ValueType = (typeof VALUE_TYPES)[number];

export const DEFAULT_TRUTHY = ["true", "yes", "y", "1"];
export const DEFAULT_FALSY = ["false", "no", "n", "0"];

export interface Conversion {
  type: ValueType;
  /** Numbers: `1.234,56` and `399,00` (comma decimals, dot or space thousands). */
  decimalComma?: boolean;
  /** Booleans: values read as true / false, compared case-insensitively. */
  truthy?: readonly string[];
  /** When `truthy` is given without `falsy`, every other non-empty value is false. */
  falsy?: readonly string[];
  /** Dates and date-times: the source format; ISO 8601 when absent. */
  format?: DateFormat;
  /** Date-times with a format: the zone the wall-clock times are in (default UTC). */
  timeZone?: string;
}

export type Scalar = string | number | boolean;
export type Converted = { ok: true; value: Scalar } | { ok: false; expected: string };

const fail = (expected: string): Converted => ({ ok: false, expected });

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;
const COMMA_NUMBER = /^[+-]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?$/;

function toNumber(value: unknown, decimalComma: boolean): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const text = value.replace(/[\s\u00a0\u202f]/g, "");
  if (decimalComma) {
    if (!COMMA_NUMBER.test(text)) return undefined;
    return Number(text.replace(/\./g, "").replace(",", "."));
  }
  return PLAIN_NUMBER.test(text) ? Number(text) : undefined;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function toDate(text: string, c: Conversion): string | undefined {
  if (c.format) {
    const parts = parseDateParts(text, c.format);
    if (!parts) return undefined;
    return c.type === "date" ? toIsoDate(parts) : toIsoDateTime(parts, c.timeZone ?? "UTC");
  }
  if (c.type === "datetime")
    return ISO_DATETIME.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const real = new Date(Date.UTC(y, mo - 1, d));
  return real.getUTCMonth() === mo - 1 && real.getUTCDate() === d ? text : undefined;
}

/** Converts one non-empty source value. */
export function convertValue(value: unknown, c: Conversion): Converted {
  switch (c.type) {
    case "string":
      if (typeof value === "string") return { ok: true, value };
      if (typeof value === "number" || typeof value === "boolean") return { ok: true, value: String(value) };
      return fail("text");
    case "number":
    case "integer": {
      const n = toNumber(value, c.decimalComma ?? false);
      const what = c.type === "integer" ? "a whole number" : "a number";
      const hint = c.decimalComma ? " with a decimal comma" : "";
      if (n === undefined) return fail(`${what}${hint}`);
      if (c.type === "integer" && !Number.isInteger(n)) return fail(what);
      return { ok: true, value: n };
    }
    case "boolean": {
      if (typeof value === "boolean") return { ok: true, value };
      if (typeof value !== "string" && typeof value !== "number") return fail("true or false");
      const text = String(value).trim().toLowerCase();
      const truthy = (c.truthy ?? DEFAULT_TRUTHY).map((t) => t.toLowerCase());
      if (truthy.includes(text)) return { ok: true, value: true };
      if (c.truthy && !c.falsy) return { ok: true, value: false };
      const falsy = (c.falsy ?? DEFAULT_FALSY).map((f) => f.toLowerCase());
      if (falsy.includes(text)) return { ok: true, value: false };
      return fail(`one of ${[...(c.truthy ?? DEFAULT_TRUTHY), ...(c.falsy ?? DEFAULT_FALSY)].join(", ")}`);
    }
    case "date":
    case "datetime": {
      const what = c.type === "date" ? "a date" : "a date-time";
      const as = c.format ? c.format.text : c.type === "date" ? "YYYY-MM-DD" : "ISO 8601 with an offset";
      if (typeof value !== "string") return fail(`${what} as ${as}`);
      const iso = toDate(value.trim(), c);
      return iso === undefined ? fail(`${what} as ${as}`) : { ok: true, value: iso };
    }
  }
}
