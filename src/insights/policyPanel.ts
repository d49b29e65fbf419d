/**
 * The policy panel of the supervisor dashboard, as data: the policy in force (its revision,
 * packs and every rule with its citation and where it is written), the result of its case
 * files (`fairexit policy test`, run in process), and, for a draft folder, the draft's own
 * tests and its impact over every stored customer (`fairexit policy diff`). Pure: the folder is
 * read by an adapter behind `PolicyFiles`, and the page only shows; editing stays in files.
 */
import type { Coverage, Customer } from "../domain/customer.js";
import {
  type CaseLibrary,
  type CompiledPack,
  type CompiledPolicy,
  compileSources,
  formatPolicyError,
  lint,
  type PolicySources,
  policyImpact,
  runCaseFile,
} from "../policies/index.js";

/** Reads policy folders for the panel; implemented in src/app.ts with src/adapters/policyFolder. */
export interface PolicyFiles {
  /** The packs, case files and default tone of a policy folder (only folders the configuration names). */
  read(dir: string): Promise<PolicySources>;
  /** The customers and coverage case files may name (FAIREXIT_DEMO_DATA), as `policy test` reads them. */
  caseLibrary(): Promise<CaseLibrary>;
}

export interface RuleView {
  section: string;
  id: string;
  description?: string;
  citation?: string;
  /** Where it is written: `file:line`. */
  source: string;
}

export interface PackView {
  name: string;
  title?: string;
  file: string;
  extends: string[];
  maxOffers?: number;
  maxContacts?: number;
  quietDays?: number;
  rules: RuleView[];
}

export interface PolicyView {
  revision: string;
  packs: PackView[];
  /** `policy check`'s findings (errors and warnings), one line each. */
  check: { errors: string[]; warnings: string[] };
}

export interface PolicyTestView {
  revision: string;
  passed: number;
  failed: number;
  caseFiles: number;
  /** Problems with case files themselves, one line each. */
  fileErrors: string[];
  cases: { name: string; file: string; line: number; passed: boolean; failures: string[] }[];
}

export interface DraftView {
  /** The draft folder's name as the configuration gives it (never a path from a request). */
  folder: string;
  /** Its packs do not compile: the problems, and nothing else. */
  errors?: string[];
  policy?: PolicyView;
  tests?: PolicyTestView;
  /** In force -> draft, over every stored customer. */
  impact?: {
    before: string;
    after: string;
    customers: number;
    changed: { customerId: string; changes: string[]; feeDelta: { currency: string; amount: number }[] }[];
    feeDelta: { currency: string; amount: number }[];
  };
}

const SECTIONS = [
  "serviceEnd",
  "fees",
  "waivers",
  "obligations",
  "actions",
  "retentionRules",
  "offers",
  "escalation",
  "alumniRules",
] as const;

function packView(pack: CompiledPack): PackView {
  const rules: RuleView[] = [];
  for (const section of SECTIONS)
    for (const rule of pack[section])
      rules.push({
        section,
        id: rule.id,
        ...(rule.description ? { description: rule.description } : {}),
        ...(rule.citation ? { citation: rule.citation } : {}),
        source: `${rule.origin.file}:${rule.origin.line}`,
      });
  for (const fact of pack.facts)
    rules.push({
      section: "facts",
      id: fact.id,
      ...(fact.description ? { description: fact.description } : {}),
      source: `${fact.origin.file}:${fact.origin.line}`,
    });
  return {
    name: pack.name,
    ...(pack.title ? { title: pack.title } : {}),
    file: pack.file,
    extends: pack.extends,
    ...(pack.maxOffers === undefined ? {} : { maxOffers: pack.maxOffers }),
    ...(pack.maxContacts === undefined ? {} : { maxContacts: pack.maxContacts }),
    ...(pack.quietDays === undefined ? {} : { quietDays: pack.quietDays }),
    rules,
  };
}

/** The policy as the panel shows it: packs in precedence order, every rule with its citation. */
export function policyView(policy: CompiledPolicy): PolicyView {
  const problems = lint(policy);
  return {
    revision: policy.revision,
    packs: policy.packs.map(packView),
    check: {
      errors: problems.filter((p) => p.severity === "error").map(formatPolicyError),
      warnings: problems.filter((p) => p.severity !== "error").map(formatPolicyError),
    },
  };
}

/** Runs every case file against `policy`, as `fairexit policy test` does. */
export function policyTests(
  policy: CompiledPolicy,
  caseFiles: PolicySources["cases"],
  library: CaseLibrary,
): PolicyTestView {
  const view: PolicyTestView = {
    revision: policy.revision,
    passed: 0,
    failed: 0,
    caseFiles: caseFiles.length,
    fileErrors: [],
    cases: [],
  };
  for (const file of caseFiles) {
    const result = runCaseFile(policy, file, library);
    view.fileErrors.push(...result.errors.map(formatPolicyError));
    view.failed += result.errors.length;
    for (const r of result.results) {
      view.cases.push({ name: r.name, file: r.file, line: r.line, passed: r.passed, failures: r.failures });
      if (r.passed) view.passed++;
      else view.failed++;
    }
  }
  return view;
}

/** The draft folder compiled, tested and compared with the policy in force over every customer. */
export function draftView(
  folder: string,
  sources: PolicySources,
  inForce: CompiledPolicy,
  data: { customers: readonly Customer[]; coverage: Coverage; library: CaseLibrary; now: Date },
): DraftView {
  const loaded = compileSources(sources);
  if ("errors" in loaded) return { folder, errors: loaded.errors.map(formatPolicyError) };
  const draft = loaded.policy;
  const report = policyImpact(inForce, draft, data.customers, data.coverage, data.now);
  return {
    folder,
    policy: policyView(draft),
    tests: policyTests(draft, sources.cases, data.library),
    impact: {
      before: inForce.revision,
      after: draft.revision,
      customers: report.customers,
      changed: report.changed.map((c) => ({
        customerId: c.customerId,
        changes: c.changes,
        feeDelta: c.feeDelta,
      })),
      feeDelta: report.feeDelta,
    },
  };
}
