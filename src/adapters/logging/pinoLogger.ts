/**
 * Structured JSON logs (pino). Fields that carry personal data are redacted wherever they
 * appear up to three levels deep, unless `logPii` is set for a debugging session.
 */
import { type DestinationStream, pino } from "pino";
import type { Logger } from "../../domain/logger.js";

/** Field names that hold personal data in FairExit's model and conversations. */
export const PII_FIELDS = [
  "name",
  "given",
  "family",
  "email",
  "phone",
  "phoneNumber",
  "postcode",
  "address",
  "accountNumber",
  "imei",
  "serial",
  "mandateReference",
  "last4",
  "text",
  "words",
] as const;

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
