/**
 * A failure that is nobody's fault and passes by itself: the database restarting, a lost race
 * that survived its retries. HTTP answers it with 503 and `Retry-After: retryAfterSeconds`
 * (src/http/internalErrors.ts), never with a 500. Adapters extend it (DatabaseUnavailableError),
 * so the HTTP layer knows the meaning without knowing the adapter.
 */
import { StoreError } from "./ports.js";

export class UnavailableError extends Error {
  readonly statusCode = 503;

  constructor(
    message: string,
    /** When the caller should try again. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
    this.name = "UnavailableError";
  }
}

/**
 * The disk refused a write: full (`ENOSPC`, `EDQUOT`) or read-only (`EROFS`). Not a bug and not
 * the caller's fault; an operator frees space, and the stores have kept every record whole
 * (src/adapters/files/jsonLines.ts), so the same request succeeds then.
 */
const DISK_REFUSED = new Set(["ENOSPC", "EDQUOT", "EROFS"]);
export const DISK_RETRY_AFTER_SECONDS = 30;

/** How long to wait before retrying `e`, when it is a passing failure; undefined when it is not. */
export function retryAfterOf(e: unknown): number | undefined {
  if (e instanceof UnavailableError) return e.retryAfterSeconds;
  if (DISK_REFUSED.has(String((e as { code?: unknown } | undefined)?.code))) return DISK_RETRY_AFTER_SECONDS;
  // Another writer got there first, even after the caller's own retries: try again at once.
  if (e instanceof StoreError && e.code === "conflict") return 1;
  return undefined;
}
