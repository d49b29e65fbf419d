/**
 * A parsed YAML file that remembers where everything came from, so a problem found later (a
 * schema issue, a CEL error at character 17 of an expression) is reported at the line and
 * column of the file a supervisor edits.
 */
import { isMap, isNode, isScalar, LineCounter, type Node, parseDocument, Scalar } from "yaml";
import { unresolvedAliasAt } from "../domain/yamlAliases.js";

export interface SourcePosition {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
}

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  /** The document as plain data (merge keys `<<` resolved). */
  readonly value: unknown;
  /** YAML syntax errors, already located. */
  readonly syntaxErrors: { position: SourcePosition; message: string }[];
  /** Where the node at `path` starts, or its nearest ancestor that exists. */
  positionOf(path: readonly PropertyKey[]): SourcePosition;
  /** Where the key `key` of the mapping at `path` is written (for an unknown field). */
  positionOfKey(path: readonly PropertyKey[], key: string): SourcePosition;
  /** Where character `offset` of the string value at `path` is written in the file. */
  positionInValue(path: readonly PropertyKey[], offset: number): SourcePosition;
  /** The `id` of the innermost rule (a mapping with an `id`) that contains `path`. */
  ruleIdAt(path: readonly PropertyKey[]): string | undefined;
}

/** Parses `text` (the contents of `file`) keeping the source positions of every node. */
export function parseYamlSource(file: string, text: string): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: true, merge: true, prettyErrors: false });
  const at = (offset: number): SourcePosition => {
    const p = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line: p.line, column: p.col };
  };
  const syntaxErrors = doc.errors.map((e) => ({
    position: at(e.pos[0]),
    message: e.message.split("\n")[0]!,
  }));
  let value: unknown;
  if (syntaxErrors.length === 0) {
    try {
      value = doc.toJS({ maxAliasCount: 1000 });
    } catch (e) {
      // An alias to no anchor (`x: *nope`) or an alias bomb: the parser reports neither as an
      // error, and `toJS` throws. A mistake in the file: at the alias that names no anchor (a
      // bomb, at the start of the file).
      syntaxErrors.push({ position: at(unresolvedAliasAt(doc) ?? 0), message: (e as Error).message });
    }
  }

  const nodeAt = (path: readonly PropertyKey[]): Node | undefined => {
    for (let n = path.length; n >= 0; n--) {
      const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n) as unknown[], true);
      if (isNode(node) && node.range) return node;
    }
    return undefined;
  };

  return {
    file,
    text,
    value,
    syntaxErrors,
    positionOf: (path) => at(nodeAt(path)?.range?.[0] ?? 0),
    positionOfKey(path, key) {
      const node = doc.getIn(path as unknown[], true);
      if (isMap(node)) {
        for (const pair of node.items) {
          if (isScalar(pair.key) && String(pair.key.value) === key && pair.key.range)
            return at(pair.key.range[0]);
        }
      }
      return at(nodeAt(path)?.range?.[0] ?? 0);
    },
    positionInValue(path, offset) {
      const node = doc.getIn(path as unknown[], true);
      if (!isScalar(node) || !node.range) return at(nodeAt(path)?.range?.[0] ?? 0);
      return at(node.range[0] + offsetInRaw(node, text, offset));
    },
    ruleIdAt(path) {
      for (let n = path.length; n >= 1; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true);
        if (isMap(node)) {
          const id = node.get("id");
          if (typeof id === "string") return id;
        }
      }
      return undefined;
    },
  };
}

/**
 * Maps a character offset in a scalar's value to an offset in its raw source, skipping the
 * quote or block header and aligning character by character (folded lines, indentation and
 * escapes are skipped over).
 */
function offsetInRaw(node: Scalar, text: string, offset: number): number {
  const [start, end] = node.range!;
  const raw = text.slice(start, end);
  const value = String(node.value);
  let j = 0;
  if (node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE) j = 1;
  else if (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED) j = raw.indexOf("\n") + 1;
  const stop = Math.min(offset, value.length);
  for (let i = 0; i < stop; i++) {
    const k = raw.indexOf(value[i]!, j);
    if (k < 0) return Math.min(j, raw.length);
    j = k + 1;
  }
  if (offset < value.length) {
    const k = raw.indexOf(value[offset]!, j);
    return k < 0 ? j : k;
  }
  return j;
}
