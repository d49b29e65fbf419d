/**
 * What the expression compiler (`codegen.ts`) knows about kinds of values: the JavaScript test
 * for a function parameter's kind, and which numbers are CEL doubles.
 */
import type { ASTNode } from "@marcbachmann/cel-js";
import type { ParamKind, PolicyFunction } from "./functions.js";

/** The test, written in JavaScript, that `x` is of kind `k` (as `isKind` does). */
export function kindTest(x: string, k: ParamKind): string {
  switch (k) {
    case "number":
      return `(typeof ${x} === "number" || typeof ${x} === "bigint")`;
    case "string":
      return `typeof ${x} === "string"`;
    case "list":
      return `Array.isArray(${x})`;
    case "map":
      return `(${x} instanceof Map || (typeof ${x} === "object" && ${x} !== null && !Array.isArray(${x})))`;
  }
}

/** True when the node reads data: a variable, or a field or element of data. */
function isData(node: ASTNode, scope: readonly string[], variables: ReadonlySet<string>): boolean {
  if (node.op === "id") return !scope.includes(node.args as string) && variables.has(node.args as string);
  if (node.op === "." || node.op === "[]")
    return isData((node.args as [ASTNode, unknown])[0], scope, variables);
  return false;
}

/**
 * True when the node's value, if it is a number, is a CEL double in the interpreter: a double
 * literal, data read from a variable (every number from data is a double), a function that
 * gives a double, or arithmetic with such a side. Int literals, `size()` and comprehension
 * variables (which may range over int literals) are not.
 */
export function isDouble(
  node: ASTNode,
  scope: readonly string[],
  variables: ReadonlySet<string>,
  functions: ReadonlyMap<string, PolicyFunction>,
): boolean {
  switch (node.op) {
    case "value":
      return typeof node.args === "number";
    case "id":
    case ".":
    case "[]":
      return isData(node, scope, variables);
    case "call": {
      const [name, args] = node.args as [string, ASTNode[]];
      const def = functions.get(name);
      return def?.returns === "double" && def.params.length === args.length;
    }
    case "-_":
      return isDouble(node.args as ASTNode, scope, variables, functions);
    case "+":
    case "-":
    case "*": {
      const [l, r] = node.args as [ASTNode, ASTNode];
      return isDouble(l, scope, variables, functions) || isDouble(r, scope, variables, functions);
    }
    default:
      return false;
  }
}
