/**
 * Structured JSON logs (pino). Fields that carry personal data are redacted wherever they
 * appear up to three levels deep, unless `logPii` is set for a debugging session.
 */
import { type DestinationStream, pino } from "pino";
import type { Logger } from "../../domain/logger.js";
import { PERSONAL_DATA_FIELDS } from "../../domain/personalData.js";

/** Field names redacted from logs: personal data, and what customers wrote (message text). */
export const PII_FIELDS = [...PERSONAL_DATA_FIELDS, "text", "words"] as const;

export function redactPaths(): string[] {
  return PII_FIELDS.flatMap((f) => [f, `*.${f}`, `*.*.${f}`, `*.*.*.${f}`]);
}

export function createLogger(
  options: { level: string; logPii: boolean },
  destination?: DestinationStream,
): Logger {
  return pino(
    {
      level: options.level,
      base: { service: "fairexit" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: options.logPii ? [] : { paths: redactPaths(), censor: "[redacted]" },
    },
    destination ?? pino.destination({ fd: 1, sync: false }),
  );
}
