/**
 * A YAML alias (`*name`) that names no anchor before it makes the `yaml` package throw a bare
 * `ReferenceError` when the document is turned into data, without reporting it among the
 * document's errors. The policy loader and the CRM mapping loader ask this first, so the file
 * gets a clear error at the alias's line instead of a crash (found by test/fuzz).
 */
import { type Document, visit } from "yaml";

/** Where the first alias that names no anchor before it starts, if there is one. */
export function unresolvedAliasAt(doc: Document): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.resolve(doc) !== undefined) return undefined;
      offset = alias.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
