/**
 * Date and date-time formats as CRM exports write them: `DD/MM/YYYY`, `YYYYMMDD`,
 * `D.M.YYYY HH:mm`. A format is compiled once (when the mapping is loaded) into a regular
 * expression; parsing checks the calendar (no 31 February) and converts local times in an
 * IANA time zone to UTC.
 */

/** Tokens a format may use, longest first so `MM` wins over `M`. */
const TOKENS = ["YYYY", "MM", "DD", "HH", "mm", "ss", "M", "D", "H"] as const;
type Token = (typeof TOKENS)[number];

const PATTERN: Record<Token, string> = {
  YYYY: "(\\d{4})",
  MM: "(\\d{2})",
  DD: "(\\d{2})",
  HH: "(\\d{2})",
  mm: "(\\d{2})",
  ss: "(\\d{2})",
  M: "(\\d{1,2})",
  D: "(\\d{1,2})",
  H: "(\\d{1,2})",
};

type Field = "year" | "month" | "day" | "hour" | "minute" | "second";
const FIELD: Record<Token, Field> = {
  YYYY: "year",
  MM: "month",
  M: "month",
  DD: "day",
  D: "day",
  HH: "hour",
  H: "hour",
  mm: "minute",
  ss: "second",
};

export interface DateFormat {
  readonly text: string;
  readonly regex: RegExp;
  readonly fields: readonly Field[];
  readonly hasTime: boolean;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Compiles `DD/MM/YYYY`-style text, or returns why it cannot be used. */
export function compileDateFormat(text: string): DateFormat | { error: string } {
  let source = "";
  const fields: Field[] = [];
  let rest = text;
  while (rest !== "") {
    const token = TOKENS.find((t) => rest.startsWith(t));
    if (token) {
      const field = FIELD[token];
      if (fields.includes(field)) return { error: `format ${text} gives the ${field} twice` };
      fields.push(field);
      source += PATTERN[token];
      rest = rest.slice(token.length);
      continue;
    }
    const ch = rest[0]!;
    if (/[A-Za-z]/.test(ch) && ch !== "T")
      return {
        error: `format ${text}: "${ch}" is not a supported token (use YYYY, MM, M, DD, D, HH, H, mm, ss)`,
      };
    source += escapeRegExp(ch);
    rest = rest.slice(1);
  }
  for (const needed of ["year", "month", "day"] as const)
    if (!fields.includes(needed)) return { error: `format ${text} has no ${needed} (YYYY, MM or DD)` };
  if (fields.includes("minute") && !fields.includes("hour"))
    return { error: `format ${text} has minutes (mm) but no hour (HH)` };
  return { text, regex: new RegExp(`^${source}$`), fields, hasTime: fields.includes("hour") };
}

/** Reads `value` with `format`; undefined when it does not match or is not a real date. */
export function parseDateParts(value: string, format: DateFormat): DateParts | undefined {
  const m = format.regex.exec(value);
  if (!m) return undefined;
  const parts: DateParts = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  format.fields.forEach((f, i) => {
    parts[f] = Number(m[i + 1]);
  });
  const { year, month, day, hour, minute, second } = parts;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  return parts;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function toIsoDate(p: DateParts): string {
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone name this runtime knows (`Europe/London`, `UTC`). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC at `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(utcMs)))
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  const local = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return local - (utcMs - (((utcMs % 1000) + 1000) % 1000));
}

/** A local wall-clock time in `timeZone` as an ISO instant in UTC (`2026-03-10T13:05:00Z`). */
export function toIsoDateTime(p: DateParts, timeZone: string): string {
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  let utc = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(utc, timeZone);
  if (second !== utc) utc = second;
  return new Date(utc).toISOString().replace(".000Z", "Z");
}
