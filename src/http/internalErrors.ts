/**
 * What a caller sees when something fails inside FairExit: a 500 with a generic message and a
 * correlation id (also in the `X-Correlation-Id` header of every response), never the error's
 * own words (they name server paths: `StoreError: /…/conversations/…json`, `no valid policy
 * in /…`). The log line with the details carries the same id.
 *
 * A passing failure (the database restarting, a lost race that survived its retries: see
 * src/domain/unavailable.ts) is a 503 with `Retry-After`, so clients and load balancers retry.
 */
import { randomUUID } from "node:crypto";
import type { Next, Request, Response, Server } from "restify";
import type { Logger } from "../domain/logger.js";
import { retryAfterOf } from "../domain/unavailable.js";

export const CORRELATION_HEADER = "x-correlation-id";

/** The correlation id of the response (set by `assignCorrelationIds` for every request). */
export function correlationIdOf(res: Response): string {
  return String(res.getHeader(CORRELATION_HEADER) ?? "");
}

/** Gives every request a fresh id (never one the client chose) and answers failures with it. */
export function handleInternalErrors(server: Server, logger: Logger): void {
  server.pre((_req: Request, res: Response, next: Next) => {
    res.header(CORRELATION_HEADER, randomUUID());
    next();
  });
  server.on("restifyError", (req: Request, res: Response, err: unknown, next: () => void) => {
    const status = (err as { statusCode?: unknown } | undefined)?.statusCode;
    // restify's own 4xx (no route, wrong method): their messages name only the request.
    if (typeof status === "number" && status < 500) return next();
    const correlationId = correlationIdOf(res);
    const retryAfter = retryAfterOf(err);
    if (retryAfter !== undefined) {
      logger.warn(
        { correlationId, method: req.method, path: req.path(), err: errorText(err), retryAfter },
        "request failed for now: answered 503 with Retry-After",
      );
      if (!res.headersSent) {
        res.header("retry-after", String(retryAfter));
        res.send(503, {
          error: {
            code: "ServiceUnavailable",
            message: `We cannot answer this right now; please try again in ${retryAfter} s.`,
            correlationId,
          },
        });
      }
      return next();
    }
    logger.error(
      {
        correlationId,
        method: req.method,
        path: req.path(),
        err: errorText(err),
      },
      "request failed",
    );
    if (!res.headersSent)
      res.send(500, {
        error: {
          code: "InternalError",
          message: "Something went wrong on our side. If you report it, quote this correlation id.",
          correlationId,
        },
      });
    return next();
  });
}

function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
