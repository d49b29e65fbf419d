/**
 * The logger restify itself writes to (it would otherwise make its own pino logger on stdout).
 * restify logs whole objects: when a response fails to serialise it logs `{ req, err }`, the
 * request with every header, a live `Authorization: Bearer` token included. This passes on
 * only the method, the path without its query, the status and the error's name and message,
 * and never traces (restify's trace lines carry whole requests and responses).
 */
import type { ServerOptions } from "restify";
import type { Logger } from "../domain/logger.js";

interface RestifyLogFields {
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  err?: { name?: string; message?: string };
}

function safeFields(fields: unknown): Record<string, unknown> {
  if (fields === null || typeof fields !== "object") return {};
  const { req, res, err } = fields as RestifyLogFields;
  return {
    ...(req?.method ? { method: req.method } : {}),
    ...(typeof req?.url === "string" ? { path: req.url.split("?")[0] } : {}),
    ...(typeof res?.statusCode === "number" ? { status: res.statusCode } : {}),
    ...(err ? { err: `${err.name ?? "Error"}: ${err.message ?? ""}` } : {}),
  };
}

/**
 * A pino-shaped logger for restify's `log` option, forwarding to `logger` with safe fields only.
 * It has the methods restify calls (`trace()` with no arguments asks whether to trace).
 */
export function restifyLog(logger: Logger): NonNullable<ServerOptions["log"]> {
  const forward =
    (level: "fatal" | "error" | "warn" | "info") =>
    (fields?: unknown, msg?: unknown): boolean => {
      if (fields === undefined) return true;
      logger[level](safeFields(fields), typeof msg === "string" ? msg : "restify");
      return true;
    };
  const log = {
    fatal: forward("fatal"),
    error: forward("error"),
    warn: forward("warn"),
    info: forward("info"),
    debug: () => false,
    trace: () => false,
    child: () => log,
  };
  return log as unknown as NonNullable<ServerOptions["log"]>;
}
