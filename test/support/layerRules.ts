/**
 * Checks imports against the layer table in `docs/layers.json`: which top-level folder of
 * src/ may import which, which folders are reached only through an entry point, and which
 * folders do no I/O. Returns one plain sentence per broken rule, naming the importing file,
 * the import as written and the rule, so a failing test says what to fix.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Import } from "./importGraph.js";

export interface Layer {
  name: string;
  /** A folder (`src/bot`) or a single file (`src/app.ts`). */
  path: string;
  mayImport: string[];
  /** false: may not import Node's file, network or process modules. */
  io?: boolean;
  reason: string;
}

export interface EntryPoint {
  folder: string;
  /** The one file of `folder` others may import. */
  entry?: string;
  /** Folders or files that may import anything in `folder` (besides `folder` itself). */
  openTo?: string[];
  reason: string;
}

export interface LayerTable {
  layers: Layer[];
  entryPoints: EntryPoint[];
}

/** Node modules that touch files, the network or processes. */
const IO_MODULE = /^node:(fs|fs\/promises|net|http|https|http2|child_process|dgram|dns|tls|worker_threads)$/;

export function readLayerTable(root: string): LayerTable {
  return JSON.parse(readFileSync(join(root, "docs/layers.json"), "utf8")) as LayerTable;
}

const inside = (file: string, path: string): boolean =>
  path.endsWith(".ts") ? file === path : file.startsWith(`${path}/`);

/** The layer a file belongs to, or undefined when the table does not list its folder. */
export function layerOf(table: LayerTable, file: string): Layer | undefined {
  return table.layers.find((l) => inside(file, l.path));
}

/** Every broken rule, one sentence each. */
export function layerProblems(table: LayerTable, imports: readonly Import[]): string[] {
  const problems: string[] = [];
  const unlisted = new Set<string>();
  for (const i of imports) {
    const from = layerOf(table, i.from);
    if (!from) {
      unlisted.add(i.from.split("/").slice(0, 2).join("/"));
      continue;
    }
    if (!i.to) {
      if (from.io === false && IO_MODULE.test(i.spec))
        problems.push(
          `${i.from} imports "${i.spec}": ${from.name} does no I/O (rule "${from.name}": ${from.reason})`,
        );
      continue;
    }
    const to = layerOf(table, i.to);
    if (!to) {
      unlisted.add(i.to.split("/").slice(0, 2).join("/"));
      continue;
    }
    if (to.name !== from.name && !from.mayImport.includes(to.name))
      problems.push(
        `${i.from} imports "${i.spec}" (${to.name}): ${from.name} may import ${
          from.mayImport.join(", ") || "nothing of ours"
        } (rule "${from.name}": ${from.reason})`,
      );
    for (const e of table.entryPoints) {
      if (!inside(i.to, e.folder) || inside(i.from, e.folder) || i.to === e.entry) continue;
      if (e.openTo?.some((p) => inside(i.from, p))) continue;
      problems.push(
        `${i.from} imports "${i.spec}" (${i.to}): ${e.folder} is reached only through ${
          e.entry ?? e.openTo?.filter((p) => p.endsWith(".ts")).join(", ")
        } (${e.reason})`,
      );
    }
  }
  for (const folder of [...unlisted].sort())
    problems.push(`${folder} is not in docs/layers.json: add it with what it may import and why`);
  return problems;
}
