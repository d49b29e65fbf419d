/**
 * Turns a parsed mapping file into a compiled mapping: every field rule compiled
 * (`compileField.ts`), overlapping targets and fields the customer model requires but no
 * rule gives reported, `mergeBy` and `appendOnMerge` checked, and every source column the
 * mapping reads collected. Problems carry the path of the offending key in the mapping file
 * so the loader can name its line and column.
 */
import { type CompiledField, FieldCompiler, type MappingProblem } from "./compileField.js";
import type { MappingFile } from "./mappingSchema.js";
import { missingRequired, parseTargetPath, resolveTarget, type Segment } from "./targetPaths.js";

export interface CompiledMapping {
  /** The mapping file, for messages. */
  file: string;
  format?: "csv" | "json";
  csv: MappingFile["csv"];
  json: MappingFile["json"];
  trim: boolean;
  required: string[];
  /** Empty when every row is its own customer. */
  mergeBy: string[];
  appendOnMerge: Segment[][];
  fields: CompiledField[];
  /** Every source column the mapping reads, with where (for "not in the header" errors). */
  columns: ReadonlyMap<string, string>;
}

/** Compiles `raw` (already shape-checked by `MappingFile`); returns problems instead of throwing. */
export function compileMapping(
  raw: MappingFile,
  file: string,
): { mapping: CompiledMapping; problems: [] } | { mapping?: undefined; problems: MappingProblem[] } {
  const problems: MappingProblem[] = [];
  const fields: CompiledField[] = [];
  const columns = new Map<string, string>();
  const use = (column: string, where: string) => {
    if (!columns.has(column)) columns.set(column, where);
  };

  for (const [target, rule] of Object.entries(raw.fields)) {
    const compiler = new FieldCompiler(target, rule);
    const field = compiler.compile();
    problems.push(...compiler.problems);
    if (!field) continue;
    fields.push(field);
    const where = `fields.${target}`;
    if (field.source.kind !== "value") for (const c of field.source.columns) use(c, where);
    if (field.when !== undefined) use(field.when, `${where}.when`);
  }
  for (const c of raw.required) use(c, "required");

  const paths = fields.map((f) => f.path);
  for (const f of fields) {
    const inside = fields.find(
      (o) => o !== f && o.path.length > f.path.length && f.path.every((s, i) => o.path[i] === s),
    );
    if (inside)
      problems.push({
        path: ["fields", inside.target],
        message: `${inside.target} is inside ${f.target}, which another rule already writes whole`,
        atKey: true,
      });
  }
  if (problems.length === 0)
    for (const missing of missingRequired(paths))
      problems.push({
        path: ["fields"],
        message: `no rule gives ${missing}, which every customer needs (add a rule with a column, value or default)`,
        atKey: true,
      });

  const mergeBy = raw.mergeBy ?? [];
  for (const c of mergeBy) use(c, "mergeBy");
  const appendOnMerge: Segment[][] = [];
  if (raw.appendOnMerge && mergeBy.length === 0)
    problems.push({
      path: ["appendOnMerge"],
      message: "appendOnMerge only applies with mergeBy",
      atKey: true,
    });
  (raw.appendOnMerge ?? (mergeBy.length > 0 ? ["services"] : [])).forEach((text, i) => {
    const path = parseTargetPath(text);
    const node = "error" in path ? path : resolveTarget(path);
    if ("error" in node) problems.push({ path: ["appendOnMerge", i], message: node.error });
    else if (node.kind !== "objectList" && node.kind !== "list")
      problems.push({ path: ["appendOnMerge", i], message: `${text} is not a list` });
    else appendOnMerge.push(path as Segment[]);
  });

  if (problems.length > 0) return { problems };
  return {
    mapping: {
      file,
      format: raw.format,
      csv: raw.csv,
      json: raw.json,
      trim: raw.trim,
      required: raw.required,
      mergeBy,
      appendOnMerge,
      fields,
      columns,
    },
    problems: [],
  };
}
