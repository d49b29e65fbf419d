/**
 * `fairexit audit show` lines up its columns for every kind, the assist kinds included
 * (`assist_session` is longer than the 12 characters the kind column once had).
 */
import { expect, it } from "vitest";
import { auditShowLine } from "../../../src/cli/commands/auditShowLine.js";
import { AuditKind } from "../../../src/domain/auditEntry.js";

it("the data column starts at the same place whatever the kind", () => {
  const at = "2026-11-23T10:00:00.000Z";
  const lines = AuditKind.options.map((kind) =>
    auditShowLine({ seq: 7, at, kind, data: { assist: "open" } }),
  );
  const columns = new Set(lines.map((l) => l.indexOf("{")));
  expect(columns.size).toBe(1);
  expect(lines.find((l) => l.includes("assist_session"))).toBe(
    `#7  ${at}  assist_session    {"assist":"open"}\n`,
  );
});
