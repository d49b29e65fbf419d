/**
 * The policy engine's public API. Supervisors edit YAML packs in the policy folder; the
 * engine compiles them once and decides, purely, for each cancelling customer.
 *
 * @example
 * import { compile, decide, isCompiledPolicy } from "./policies/index.js";
 * const policy = compile([{ path: "policies/baseline.yaml", text }]);
 * if (!isCompiledPolicy(policy)) throw new Error(policy.map(formatPolicyError).join("\n"));
 * const decision = decide(policy, { customer, coverage, conversation: { reason: "moving" } }, new Date());
 */

export { type CaseFileResult, type CaseLibrary, type CaseResult, runCaseFile } from "./cases/runCases.js";
export { type CompileOptions, compile, isCompiledPolicy, type PolicySourceFile } from "./compile.js";
export type { CompiledPack, CompiledPolicy, PolicyCaches, RuleSet } from "./compiledPolicy.js";
export { decide } from "./decide.js";
export { explainDecision } from "./explain.js";
export { type CustomerImpact, type ImpactReport, policyImpact } from "./impact.js";
export { lint } from "./lint.js";
export { formatPolicyError, type PolicyError } from "./policyError.js";
export {
  createPolicyHolder,
  type PolicyHolder,
  type PolicyHolderOptions,
  type PolicyStatus,
} from "./policyHolder.js";
export {
  compileSources,
  type LoadResult,
  loadPolicy,
  type PolicySource,
  type PolicySources,
} from "./policySource.js";
