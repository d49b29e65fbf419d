/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and instants, in UTC. Pure: nothing here
 * reads the clock; `today` and `now` are passed in by `decide`. Dates in words are in the
 * customer's language (`longDate`, `longInstant`).
 */
import type { Language } from "./language.js";

const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})/;
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Year, month, day of a date (or of the date part of an instant). */
function parts(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

/** Milliseconds since the epoch of a date (midnight UTC) or of an instant. */
export function toMillis(dateOrInstant: string): number {
  if (dateOrInstant.length <= 10) {
    const [y, m, d] = parts(dateOrInstant);
    return Date.UTC(y, m - 1, d);
  }
  const t = Date.parse(dateOrInstant);
  if (Number.isNaN(t)) throw new Error(`expected an ISO date-time, got ${JSON.stringify(dateOrInstant)}`);
  return t;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/**
 * `at.toISOString()`, written out for the years 1000 to 9999 (the built-in is several times
 * slower); the built-in for other years and for an invalid date (which it rejects).
 */
export function isoString(at: Date): string {
  const y = at.getUTCFullYear();
  if (!(y >= 1000 && y <= 9999)) return at.toISOString();
  const ms = at.getUTCMilliseconds();
  return `${y}-${pad2(at.getUTCMonth() + 1)}-${pad2(at.getUTCDate())}T${pad2(at.getUTCHours())}:${pad2(
    at.getUTCMinutes(),
  )}:${pad2(at.getUTCSeconds())}.${ms < 10 ? "00" : ms < 100 ? "0" : ""}${ms}Z`;
}

/** `YYYY-MM-DD` of an instant in UTC. */
export function isoDate(at: Date | number): string {
  return isoString(typeof at === "number" ? new Date(at) : at).slice(0, 10);
}

/** `YYYY-MM-DDTHH:MM:SSZ`. */
export function isoInstant(at: Date | number): string {
  return `${isoString(typeof at === "number" ? new Date(at) : at).slice(0, 19)}Z`;
}

/** The date `days` days after `date` (earlier when negative). */
export function addDays(date: string, days: number): string {
  return isoDate(toMillis(date.slice(0, 10)) + Math.round(days) * DAY_MS);
}

/** Adds calendar months; the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y, m - 1 + Math.round(months), 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return isoDate(target);
}

/** Days from `from` to `to` (negative when `to` is earlier); fractional for instants. */
export function daysBetween(from: string, to: string): number {
  return (toMillis(to) - toMillis(from)) / DAY_MS;
}

/**
 * Whole months from `from` to `to`: a month not yet complete does not count (23 November to
 * 25 January is 2); 0 when `to` is not later.
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  let months = (ty - fy) * 12 + (tm - fm);
  if (td < fd) months -= 1;
  return Math.max(0, months);
}

/** The date `n` working days (Monday to Friday) after `date`. */
export function workingDaysAfter(date: string, n: number): string {
  let t = toMillis(date.slice(0, 10));
  let left = Math.max(0, Math.round(n));
  while (left > 0) {
    t += DAY_MS;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left--;
  }
  return isoDate(t);
}

/** The instant `hours` hours after `instant`. */
export function addHours(instant: string, hours: number): string {
  return isoInstant(toMillis(instant) + hours * 3_600_000);
}

/** The last second of `date`, UTC: when a service ending on that day stops. */
export function endOfDay(date: string): string {
  parts(date);
  return `${date.slice(0, 10)}T23:59:59Z`;
}

const INTL_LOCALE: Record<Exclude<Language, "en">, string> = { de: "de-DE", sv: "sv-SE" };
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function intlDate(t: Date, language: Exclude<Language, "en">, withWeekday: boolean): string {
  const key = `${language}:${withWeekday}`;
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      ...(withWeekday ? { weekday: "long" } : {}),
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });
    dateFormats.set(key, f);
  }
  return f.format(t);
}

/** `Monday 23 November 2026`; `Montag, 23. November 2026`; `måndag 23 november 2026`. */
export function longDate(date: string, language: Language = "en"): string {
  const t = new Date(toMillis(date.slice(0, 10)));
  if (language !== "en") return intlDate(t, language, true);
  return `${WEEKDAYS[t.getUTCDay()]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

const AT: Record<Exclude<Language, "en">, string> = { de: "um", sv: "kl." };

/** `23 November 2026 at 14:05 UTC`; `23. November 2026 um 14:05 UTC`; `23 november 2026 kl. 14:05 UTC`. */
export function longInstant(instant: string, language: Language = "en"): string {
  const t = new Date(toMillis(instant));
  const hh = String(t.getUTCHours()).padStart(2, "0");
  const mm = String(t.getUTCMinutes()).padStart(2, "0");
  if (language !== "en") return `${intlDate(t, language, false)} ${AT[language]} ${hh}:${mm} UTC`;
  return `${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} at ${hh}:${mm} UTC`;
}
