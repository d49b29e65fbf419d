import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/adapters/logging/pinoLogger.js";
import { aCustomer } from "./support/aCustomer.js";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { stream, lines };
}

describe("structured logs", () => {
  it("redact personal data wherever it appears", () => {
    const { stream, lines } = capture();
    const logger = createLogger({ level: "info", logPii: false }, stream);
    const c = aCustomer();
    logger.info(
      { customer: { id: c.id, email: c.email, name: c.name, address: c.address }, text: "my IMEI is…" },
      "x",
    );
    const entry = JSON.parse(lines[0]!);
    expect(entry.customer).toEqual({
      id: c.id,
      email: "[redacted]",
      name: "[redacted]",
      address: "[redacted]",
    });
    expect(entry.text).toBe("[redacted]");
    expect(lines[0]).not.toContain("alex.taylor@example.com");
  });

  it("keep personal data only when FAIREXIT_LOG_PII is on", () => {
    const { stream, lines } = capture();
    createLogger({ level: "info", logPii: true }, stream).info({ email: "a@example.com" }, "x");
    expect(JSON.parse(lines[0]!).email).toBe("a@example.com");
  });
});
