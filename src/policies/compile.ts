/**
 * `compile(files)`: policy pack files (path and text) to a `CompiledPolicy`, or every problem
 * found, each with file, line, column, rule id and a plain message. Nothing here reads files:
 * `src/adapters/policyFolder` does (see `policySource.ts`).
 */
import { z } from "zod";
import { createRuntime } from "./cel/environment.js";
import type { CompiledPack, CompiledPolicy, PolicyCaches } from "./compiledPolicy.js";
import { compilePackFile, type FactInfo, PackCompiler } from "./compilePack.js";
import { ancestorsOf, composeRuleSet, precedenceOrder } from "./compose.js";
import { errorAt, type PolicyError, policyError, sortPolicyErrors } from "./policyError.js";
import { policyRevision } from "./revision.js";
import { PolicyPackFile } from "./schema.js";
import { propertyNames, schemaErrors } from "./schemaIssues.js";
import { compilePolicyTone } from "./toneIntegration.js";
import { parseYamlSource, type YamlSource } from "./yamlSource.js";

export interface PolicySourceFile {
  /** As it should appear in messages, e.g. `policies/baseline.yaml`. */
  path: string;
  text: string;
}

interface ValidPack {
  source: YamlSource;
  data: PolicyPackFile;
}

const KNOWN_FIELDS = [
  ...propertyNames(z.toJSONSchema(PolicyPackFile, { io: "input", unrepresentable: "any" })),
];

/** Where each rule id of a pack is written: [section, path]. */
function ruleIdPaths(data: PolicyPackFile): { id: string; section: string; path: (string | number)[] }[] {
  const out: { id: string; section: string; path: (string | number)[] }[] = [];
  const add = (section: string, base: (string | number)[], rules: { id: string }[] | undefined) =>
    rules?.forEach((r, i) => {
      out.push({ id: r.id, section, path: [...base, i, "id"] });
    });
  add("facts", ["facts"], data.facts);
  add("serviceEnd", ["serviceEnd"], data.serviceEnd);
  add("fees", ["fees"], data.fees);
  add("waivers", ["waivers"], data.waivers);
  add("obligations", ["obligations"], data.obligations);
  add("actions", ["actions"], data.actions);
  add("retention.rules", ["retention", "rules"], data.retention?.rules);
  add("retention.offers", ["retention", "offers"], data.retention?.offers);
  add("escalation", ["escalation"], data.escalation);
  add("alumni.rules", ["alumni", "rules"], data.alumni?.rules);
  return out;
}

function readPacks(files: readonly PolicySourceFile[], errors: PolicyError[]): Map<string, ValidPack> {
  const packs = new Map<string, ValidPack>();
  for (const file of files) {
    const source = parseYamlSource(file.path, file.text);
    if (source.syntaxErrors.length > 0) {
      for (const e of source.syntaxErrors)
        errors.push(policyError(file.path, e.position, `YAML: ${e.message}`));
      continue;
    }
    if (source.value === null || source.value === undefined) {
      errors.push(policyError(file.path, { line: 1, column: 1 }, "the file is empty"));
      continue;
    }
    const parsed = PolicyPackFile.safeParse(source.value);
    if (!parsed.success) {
      errors.push(...schemaErrors(source, parsed.error, KNOWN_FIELDS));
      continue;
    }
    const name = parsed.data.metadata.name;
    const prior = packs.get(name);
    if (prior) {
      errors.push(
        errorAt(source, ["metadata", "name"], `pack "${name}" is also defined in ${prior.source.file}`),
      );
      continue;
    }
    const seen = new Map<string, string>();
    const place = (path: (string | number)[]) => {
      const p = source.positionOf(path);
      return p.line * 100_000 + p.column;
    };
    const inFileOrder = ruleIdPaths(parsed.data).sort((a, b) => place(a.path) - place(b.path));
    for (const { id, section, path } of inFileOrder) {
      const first = seen.get(id);
      if (first !== undefined)
        errors.push(errorAt(source, path, `duplicate id "${id}" (already used in ${first})`));
      else seen.set(id, section);
    }
    packs.set(name, { source, data: parsed.data });
  }
  return packs;
}

function checkAcrossPacks(order: string[], packs: Map<string, ValidPack>, errors: PolicyError[]): void {
  const sectionOf = new Map<string, { section: string; pack: string }>();
  for (const name of order) {
    const { source, data } = packs.get(name)!;
    const ids = ruleIdPaths(data);
    for (const { id, section, path } of ids) {
      const prior = sectionOf.get(id);
      if (prior && prior.section !== section && prior.pack !== name)
        errors.push(
          errorAt(source, path, `id "${id}" is in ${section} here but in ${prior.section} in ${prior.pack}`),
        );
      else if (!prior) sectionOf.set(id, { section, pack: name });
    }
    const inherited = new Set<string>();
    for (const a of ancestorsOf(name, new Map([...packs].map(([n, p]) => [n, p.data.extends])))) {
      for (const { id } of ruleIdPaths(packs.get(a)?.data ?? ({} as PolicyPackFile))) inherited.add(id);
    }
    data.disable.forEach((id, i) => {
      if (!inherited.has(id))
        errors.push(errorAt(source, ["disable", i], `disable: no rule "${id}" in the packs ${name} extends`));
    });
  }
}

export interface CompileOptions {
  /** The built-in tone rules every pack's `tone:` extends (`policies/tone/default-tone.yaml`). */
  defaultTone?: PolicySourceFile;
}

/** Compiles a policy folder's pack files. Returns the policy, or every error found. */
export function compile(
  files: readonly PolicySourceFile[],
  options: CompileOptions = {},
): CompiledPolicy | PolicyError[] {
  const errors: PolicyError[] = [];
  if (files.length === 0) {
    return [policyError("(policy folder)", { line: 1, column: 1 }, "no policy pack files (*.yaml) found")];
  }
  const packs = readPacks(files, errors);
  const extendsOf = new Map([...packs].map(([n, p]) => [n, p.data.extends] as const));
  for (const [, { source, data }] of packs) {
    data.extends.forEach((parent, i) => {
      if (!packs.has(parent))
        errors.push(errorAt(source, ["extends", i], `extends an unknown pack "${parent}"`));
    });
  }
  const ordered = precedenceOrder(extendsOf);
  if ("cycle" in ordered) {
    const first = packs.get(ordered.cycle[0]!)!;
    errors.push(
      errorAt(first.source, ["extends"], `packs extend each other in a cycle: ${ordered.cycle.join(" -> ")}`),
    );
    return sortPolicyErrors(errors);
  }
  checkAcrossPacks(ordered.order, packs, errors);

  const runtime = createRuntime();
  const ownFacts = new Map<string, Map<string, FactInfo>>();
  const compiled: CompiledPack[] = [];
  for (const name of ordered.order) {
    const { source, data } = packs.get(name)!;
    const ancestors = ancestorsOf(name, extendsOf);
    const visible = new Map<string, FactInfo>();
    for (const a of ordered.order)
      if (ancestors.has(a)) for (const [k, v] of ownFacts.get(a) ?? []) visible.set(k, v);
    const compiler = new PackCompiler(source, name, runtime, visible);
    compiled.push(compilePackFile(compiler, data, visible, ancestors));
    errors.push(...compiler.errors);
    ownFacts.set(name, new Map([...visible].filter(([, v]) => v.pack === name)));
  }
  let toneSource: YamlSource | undefined;
  if (options.defaultTone) {
    toneSource = parseYamlSource(options.defaultTone.path, options.defaultTone.text);
    for (const e of toneSource.syntaxErrors)
      errors.push(policyError(toneSource.file, e.position, `YAML: ${e.message}`));
  }
  const tone = compilePolicyTone(
    toneSource?.syntaxErrors.length === 0 ? toneSource : undefined,
    ordered.order.map((name) => ({ source: packs.get(name)!.source, tone: packs.get(name)!.data.tone })),
  );
  if (Array.isArray(tone)) errors.push(...tone);
  if (errors.length > 0 || Array.isArray(tone)) return sortPolicyErrors(errors);

  const revision = policyRevision([
    ...ordered.order.map((name) => ({ name, data: packs.get(name)!.data })),
    ...(toneSource ? [{ name: "(default tone)", data: toneSource.value }] : []),
  ]);
  const caches: PolicyCaches = { ruleSets: new Map() };
  return {
    revision,
    packs: compiled,
    tone,
    caches,
    ruleSetFor(names) {
      const key = [...names].sort().join(",");
      let set = caches.ruleSets.get(key);
      if (!set) {
        const wanted = new Set(names);
        set = composeRuleSet(compiled.filter((p) => wanted.has(p.name)));
        caches.ruleSets.set(key, set);
      }
      return set;
    },
  };
}

export function isCompiledPolicy(x: CompiledPolicy | PolicyError[]): x is CompiledPolicy {
  return !Array.isArray(x);
}
