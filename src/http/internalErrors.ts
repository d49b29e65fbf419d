/**
 * What a caller sees when something fails inside FairExit: a 500 with a generic message and a
 * correlation id (also in the `X-Correlation-Id` header of every response), never the error's
 * own words (they name server paths: `StoreError: /…/conversations/…json`, `no valid policy
 * in /…`). The log line with the details carries the same id.
 */
import { randomUUID } from "node:crypto";
import type { Next, Request, Response, Server } from "restify";
import type { Logger } from "../domain/logger.js";

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
    logger.error(
      {
        correlationId,
        method: req.method,
        path: req.path(),
        err: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
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
