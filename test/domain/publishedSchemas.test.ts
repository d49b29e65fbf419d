import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderSchemas } from "../../src/cli/commands/schemaCommand.js";

describe("the published JSON Schemas under schema/", () => {
  for (const [file, text] of Object.entries(renderSchemas())) {
    it(`${file} matches the zod schema it is generated from (run: npm run schema)`, async () => {
      const committed = await readFile(join(import.meta.dirname, "../../schema", file), "utf8");
      expect(committed).toBe(text);
    });
  }
});
