/**
 * The import graph of our own code, read from the source text (no compiler needed): every
 * relative import of every `.ts` file under a folder, resolved to the file it names. Used by
 * `test/architecture.test.ts` to check the layer table (`docs/layers.json`), the entry points
 * and import cycles.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

/** `import … from "x"`, `export … from "x"`, `import "x"`, `import("x")`. */
const IMPORT =
  /(?:^|\n)[ \t]*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)[ \t]*import\s+"([^"]+)"|import\(\s*"([^"]+)"\s*\)/g;

export interface Import {
  /** The importing file, relative to the repository (`src/bot/turn.ts`). */
  from: string;
  /** As written (`../domain/decision.js`). */
  spec: string;
  /** The file it resolves to, relative to the repository; undefined for packages and `node:`. */
  to: string | undefined;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

/** The specifiers `text` imports, in order. */
export function specifiersIn(text: string): string[] {
  return [...text.matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3] ?? "");
}

/** The `.ts` file a relative specifier names (`./x.js` is `./x.ts`, a folder its `index.ts`). */
function resolveSpec(root: string, fromFile: string, spec: string): string {
  const base = resolve(root, dirname(fromFile), spec);
  const candidates = [base.replace(/\.js$/, ".ts"), `${base}.ts`, join(base, "index.ts")];
  const found = candidates.find((c) => c.endsWith(".ts") && existsSync(c)) ?? candidates[0]!;
  return relative(root, found);
}

/** Every import of every file under `dir` (relative to `root`); `read` reads a file's text. */
export function importsUnder(
  root: string,
  dir = "src",
  read: (path: string) => string = (p) => readFileSync(join(root, p), "utf8"),
): Import[] {
  return sourceFiles(join(root, dir)).flatMap((abs) => {
    const from = relative(root, abs);
    return specifiersIn(read(from)).map((spec) => ({
      from,
      spec,
      to: spec.startsWith(".") ? resolveSpec(root, from, spec) : undefined,
    }));
  });
}

/**
 * The import cycles among files: each strongly connected group of two or more files (or a
 * file importing itself), as one concrete cycle through the group, starting at its first file
 * in sort order (`a.ts -> b.ts -> a.ts`), and the group's files sorted.
 */
export function cyclesIn(imports: readonly Import[]): { files: string[]; path: string[] }[] {
  const edges = new Map<string, Set<string>>();
  for (const i of imports) {
    if (!i.to) continue;
    if (!edges.has(i.from)) edges.set(i.from, new Set());
    edges.get(i.from)!.add(i.to);
  }
  const groups = stronglyConnected(edges);
  return groups
    .filter((g) => g.length > 1 || edges.get(g[0]!)?.has(g[0]!))
    .map((g) => {
      const files = [...g].sort();
      return { files, path: cycleThrough(files, edges) };
    })
    .sort((a, b) => a.files[0]!.localeCompare(b.files[0]!));
}

/** Tarjan's algorithm, iterative enough for our tree (recursion depth = longest import chain). */
function stronglyConnected(edges: Map<string, Set<string>>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const groups: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      groups.push(group);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return groups;
}

/** The shortest cycle from the group's first file back to it, staying inside the group. */
function cycleThrough(files: readonly string[], edges: Map<string, Set<string>>): string[] {
  const inGroup = new Set(files);
  const start = files[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of [...(edges.get(v) ?? [])].sort()) {
      if (!inGroup.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = cameFrom.get(at))
          path.splice(1, 0, at);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}
