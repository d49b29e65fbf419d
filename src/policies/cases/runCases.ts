/**
 * Runs a case file against a compiled policy: each case's customer (inline, named in the
 * file, or a demo customer), moment and conversation go through `decide`, and the decision is
 * compared with what the case expects. Pure: the caller reads the files.
 */
import { z } from "zod";
import type { Coverage, Customer } from "../../domain/customer.js";
import type { Decision } from "../../domain/decision.js";
import type { CompiledPolicy } from "../compiledPolicy.js";
import { decide } from "../decide.js";
import { errorAt, type PolicyError, policyError } from "../policyError.js";
import { propertyNames, schemaErrors } from "../schemaIssues.js";
import { parseYamlSource } from "../yamlSource.js";
import { PolicyCasesFile } from "./casesSchema.js";
import { checkExpectation } from "./expectations.js";

export interface CaseResult {
  name: string;
  file: string;
  line: number;
  passed: boolean;
  failures: string[];
  decision?: Decision;
}

export interface CaseFileResult {
  file: string;
  /** Problems with the case file itself (it could not be run). */
  errors: PolicyError[];
  results: CaseResult[];
}

/** Customers and coverage case files may refer to by id (the demo data). */
export interface CaseLibrary {
  customers: ReadonlyMap<string, Customer>;
  coverage: Coverage;
}

const KNOWN_FIELDS = [
  ...propertyNames(z.toJSONSchema(PolicyCasesFile, { io: "input", unrepresentable: "any" })),
];

/** Parses and runs one case file. */
export function runCaseFile(
  policy: CompiledPolicy,
  file: { path: string; text: string },
  library: CaseLibrary = { customers: new Map(), coverage: [] },
): CaseFileResult {
  const source = parseYamlSource(file.path, file.text);
  if (source.syntaxErrors.length > 0)
    return {
      file: file.path,
      errors: source.syntaxErrors.map((e) => policyError(file.path, e.position, `YAML: ${e.message}`)),
      results: [],
    };
  const parsed = PolicyCasesFile.safeParse(source.value);
  if (!parsed.success)
    return { file: file.path, errors: schemaErrors(source, parsed.error, KNOWN_FIELDS), results: [] };
  const data = parsed.data;
  const errors: PolicyError[] = [];
  const results: CaseResult[] = [];
  data.cases.forEach((c, i) => {
    const line = source.positionOf(["cases", i]).line;
    let customer: Customer | undefined;
    if (typeof c.customer === "string") {
      customer = data.customers[c.customer] ?? library.customers.get(c.customer);
      if (!customer) {
        errors.push(
          errorAt(
            source,
            ["cases", i, "customer"],
            `no customer "${c.customer}" in this file or the demo data`,
          ),
        );
        return;
      }
    } else customer = c.customer;
    const now = c.now ?? data.defaults.now;
    if (!now) {
      errors.push(errorAt(source, ["cases", i], `case "${c.name}" has no now (and defaults.now is not set)`));
      return;
    }
    const coverage = c.coverage ?? data.defaults.coverage ?? library.coverage;
    const decision = decide(policy, { customer, coverage, conversation: c.conversation }, new Date(now));
    const failures = checkExpectation(decision, c.expect);
    results.push({ name: c.name, file: file.path, line, passed: failures.length === 0, failures, decision });
  });
  return { file: file.path, errors, results };
}
