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

/** How long to wait before retrying `e`, when it is a passing failure; undefined when it is not. */
export function retryAfterOf(e: unknown): number | undefined {
  if (e instanceof UnavailableError) return e.retryAfterSeconds;
  // Another writer got there first, even after the caller's own retries: try again at once.
  if (e instanceof StoreError && e.code === "conflict") return 1;
  return undefined;
}
