/**
 * Why a call to an LLM failed, in our own words: adapters translate their SDK's errors into
 * an `LlmError` at the edge, so the bot can fall back (and the audit can say why) without
 * knowing which SDK or server answered.
 */

export type LlmErrorCode =
  /** The call did not finish within its time budget (or the SDK's own timeout). */
  | "timeout"
  /** The caller aborted the call (conversation ended, budget spent elsewhere). */
  | "aborted"
  /** The server could not be reached. */
  | "connection"
  /** The server answered with an HTTP error status (see `status`). */
  | "http"
  /** The model refused to answer. */
  | "refused"
  /** The answer had no content. */
  | "empty"
  /** The answer was cut off (token limit). */
  | "truncated"
  /** Structured output expected, but the content is not JSON. */
  | "invalid_json"
  /** JSON, but not the shape asked for (see `issues`). */
  | "schema_mismatch";

/** A failed LLM call callers can act on by `code`. Messages carry no prompt or answer text. */
export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    message: string,
    readonly details: { status?: number; issues?: readonly string[]; cause?: unknown } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = "LlmError";
  }

  /** HTTP status when `code` is `http`. */
  get status(): number | undefined {
    return this.details.status;
  }
}
