/**
 * A problem in a policy folder, located in the file a supervisor edits: file, line, column,
 * the rule it is in and a plain message. `compile` returns only errors; `lint` adds warnings.
 */
import type { SourcePosition, YamlSource } from "./yamlSource.js";

export interface PolicyError {
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** The rule (or fact) the problem is in, when it is in one. */
  ruleId?: string;
  message: string;
  severity: "error" | "warning";
}

/** `policies/baseline.yaml:12:9 [exit-fee] message`, the form editors and CI logs link. */
export function formatPolicyError(e: PolicyError): string {
  const rule = e.ruleId === undefined ? "" : ` [${e.ruleId}]`;
  const level = e.severity === "warning" ? " warning:" : "";
  return `${e.file}:${e.line}:${e.column}${rule}${level} ${e.message}`;
}

export function policyError(
  file: string,
  position: SourcePosition,
  message: string,
  ruleId?: string,
  severity: PolicyError["severity"] = "error",
): PolicyError {
  return {
    file,
    line: position.line,
    column: position.column,
    ...(ruleId ? { ruleId } : {}),
    message,
    severity,
  };
}

/** An error at the node `path` of `source`, naming the rule that contains it. */
export function errorAt(
  source: YamlSource,
  path: readonly PropertyKey[],
  message: string,
  severity: PolicyError["severity"] = "error",
): PolicyError {
  return policyError(source.file, source.positionOf(path), message, source.ruleIdAt(path), severity);
}

/** Sorts by file, line, column; errors before warnings at the same place. */
export function sortPolicyErrors(errors: PolicyError[]): PolicyError[] {
  return [...errors].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1),
  );
}
