/**
 * Reads a mapping file: YAML -> `MappingFile` (zod) -> compiled against the customer model.
 * Every problem is reported at once, each with the file, line, column and key path.
 */
import { readFile } from "node:fs/promises";
import { LineCounter, parseDocument } from "yaml";
import { editDistance } from "../domain/editDistance.js";
import { formatPath } from "../domain/validation.js";
import { unresolvedAliasAt } from "../domain/yamlAliases.js";
import type { MappingProblem } from "./compileField.js";
import { type CompiledMapping, compileMapping } from "./compileMapping.js";
import { type LocatedProblem, MappingError } from "./mappingError.js";
import { FieldRuleObject, MappingFile } from "./mappingSchema.js";
import { locate } from "./yamlLocations.js";

/** Keys allowed in the object at `path`, for "did you mean" hints. */
function knownKeys(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(MappingFile.shape);
  if (path[0] === "fields" && path.length === 2) return Object.keys(FieldRuleObject.shape);
  if (path.length === 1 && path[0] === "csv") return Object.keys(MappingFile.shape.csv.unwrap().shape);
  if (path.length === 1 && path[0] === "json") return Object.keys(MappingFile.shape.json.unwrap().shape);
  return [];
}

function unknownKeyMessage(key: string, path: readonly PropertyKey[]): string {
  const known = knownKeys(path);
  const near = known.find((k) => editDistance(k.toLowerCase(), key.toLowerCase()) <= 2);
  if (near) return `unknown key "${key}" (did you mean ${near}?)`;
  return known.length > 0
    ? `unknown key "${key}" (expected one of ${known.join(", ")})`
    : `unknown key "${key}"`;
}

/** Parses and compiles mapping text; `file` names it in errors. Throws `MappingError`. */
export function parseMapping(text: string, file: string): CompiledMapping {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, merge: true, uniqueKeys: true });
  if (doc.errors.length > 0)
    throw new MappingError(
      file,
      doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return {
          path: "(yaml)",
          message: e.message.split("\n")[0] ?? e.message,
          line: pos.line,
          column: pos.col,
        };
      }),
    );
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    // An alias to no anchor (`x: *nope`) or an alias bomb: not parse errors, but `toJS` throws.
    // Located at the alias that names no anchor (a bomb, at the start of the file).
    const pos = lines.linePos(unresolvedAliasAt(doc) ?? 0);
    throw new MappingError(file, [
      { path: "(yaml)", message: (e as Error).message, line: pos.line, column: pos.col },
    ]);
  }
  if (raw === null || raw === undefined)
    throw new MappingError(file, [{ path: "(root)", message: "the mapping file is empty" }]);

  const place = (path: readonly PropertyKey[], message: string, atKey = false): LocatedProblem => {
    const pos = locate(doc, lines, path, atKey);
    return { path: formatPath(path), message, line: pos?.line, column: pos?.column };
  };

  const parsed = MappingFile.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.flatMap((issue) =>
      issue.code === "unrecognized_keys"
        ? issue.keys.map((key) => place([...issue.path, key], unknownKeyMessage(key, issue.path), true))
        : [place(issue.path, issue.message)],
    );
    throw new MappingError(file, sortByLine(problems));
  }
  const compiled = compileMapping(parsed.data, file);
  if (compiled.mapping) return compiled.mapping;
  throw new MappingError(
    file,
    sortByLine(compiled.problems.map((p: MappingProblem) => place(p.path, p.message, p.atKey))),
  );
}

function sortByLine(problems: LocatedProblem[]): LocatedProblem[] {
  return [...problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}

/** Reads and compiles the mapping file at `file`. Throws `MappingError`. */
export async function loadMapping(file: string): Promise<CompiledMapping> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    throw new MappingError(file, [{ path: "(file)", message: (e as NodeJS.ErrnoException).message }]);
  }
  return parseMapping(text, file);
}
