/**
 * Bolt's logger interface over ours. Bolt's debug output (request bodies, Block Kit with
 * customer facts) is dropped: personal data never reaches the logs. Its info, warn and error
 * lines are short transport messages (signature refused, rate limited, a listener failed).
 */
import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import type { Logger } from "../../domain/logger.js";

const line = (msg: unknown[]) =>
  msg
    .map((m) => (m instanceof Error ? m.message : typeof m === "string" ? m : ""))
    .filter(Boolean)
    .join(" ")
    .slice(0, 300);

export function boltLogger(logger: Logger): BoltLogger {
  let level = LogLevel.INFO;
  return {
    debug() {},
    info: (...msg: unknown[]) => logger.info({}, line(msg)),
    warn: (...msg: unknown[]) => logger.warn({}, line(msg)),
    error: (...msg: unknown[]) => logger.error({}, line(msg)),
    setLevel(l) {
      level = l;
    },
    getLevel: () => level,
    setName() {},
  };
}
