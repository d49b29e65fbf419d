import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Command } from "commander";
import { jsonSchemaOf, PUBLISHED_SCHEMAS } from "../jsonSchemas.js";

/** Every published schema, file name -> JSON text. */
export function renderSchemas(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(PUBLISHED_SCHEMAS).map(([file, schema]) => [
      file,
      `${JSON.stringify(jsonSchemaOf(schema, file), null, 2)}\n`,
    ]),
  );
}

export function registerSchemaCommand(program: Command): void {
  program
    .command("schema")
    .description("write the JSON Schemas of FairExit's data files (for editors and integrators)")
    .option("-o, --out <dir>", "folder to write to", "schema")
    .action(async (opts: { out: string }) => {
      await mkdir(opts.out, { recursive: true });
      for (const [file, text] of Object.entries(renderSchemas())) {
        await writeFile(join(opts.out, file), text);
        process.stdout.write(`wrote ${join(opts.out, file)}\n`);
      }
    });
}
