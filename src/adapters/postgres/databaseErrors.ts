/**
 * What a failed query means to its caller. A lost race (a unique key, a serialization failure,
 * a deadlock) is a `StoreError("conflict")` the caller can retry; a database that cannot be
 * reached or went away mid-query is a `DatabaseUnavailableError` (HTTP 503 with Retry-After,
 * never a crash); anything else is a bug and is thrown as it is.
 */
import { StoreError } from "../../domain/ports.js";
import { UnavailableError } from "../../domain/unavailable.js";

/** How long an HTTP caller is told to wait when PostgreSQL is unavailable (Retry-After). */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** PostgreSQL is down, restarting or unreachable: try again shortly (HTTP 503 with Retry-After). */
export class DatabaseUnavailableError extends UnavailableError {
  constructor(message: string) {
    super(message, DATABASE_RETRY_AFTER_SECONDS);
    this.name = "DatabaseUnavailableError";
  }
}

const LOST_RACE = new Set(["23505", "40001", "40P01"]);

/** Connection exceptions (08…), operator intervention (57P…: terminated, shutting down, starting). */
const UNAVAILABLE_CLASS = /^(08|57P)/;
const UNAVAILABLE_NODE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;

export function isUnavailable(e: unknown): boolean {
  if (e instanceof DatabaseUnavailableError) return true;
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && (UNAVAILABLE_CLASS.test(code) || UNAVAILABLE_NODE_CODES.has(code)))
    return true;
  return e instanceof Error && UNAVAILABLE_MESSAGES.test(e.message);
}

export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const err = e as { code?: unknown; constraint?: unknown } | undefined;
  return err?.code === "23505" && (constraint === undefined || err.constraint === constraint);
}

/** The error a caller sees for `e`, thrown while doing `what` on the database at `where`. */
export function storeFailure(e: unknown, what: string, where: string): Error {
  if (e instanceof StoreError || e instanceof DatabaseUnavailableError) return e;
  const code = (e as { code?: unknown } | undefined)?.code;
  if (typeof code === "string" && LOST_RACE.has(code))
    return new StoreError("conflict", `${what}: another writer got there first (${code}); try again`);
  if (isUnavailable(e))
    return new DatabaseUnavailableError(
      `${what}: PostgreSQL at ${where} is unavailable (${(e as Error).message}); try again shortly`,
    );
  return e instanceof Error ? e : new Error(String(e));
}
