/**
 * Compiles the rules of one validated pack file: every expression and template in the
 * variables its rule can see, every `facts.<name>` resolved against the facts the pack can
 * see (its own, earlier ones, and those of the packs it extends). Problems are located at the
 * line and column of the expression inside the YAML file.
 */

import type { Runtime, VariableName } from "./cel/environment.js";
import {
  type CompiledExpr,
  type CompiledTemplate,
  compileExpression,
  compileTemplate,
  type Expect,
  isProblem,
} from "./cel/expression.js";
import { propertySetter } from "./cel/objectCode.js";
import type {
  CEvidence,
  CompiledPack,
  CompiledText,
  CPermission,
  CWaive,
  RuleOrigin,
} from "./compiledPolicy.js";
import { type PolicyError, policyError } from "./policyError.js";
import type { CustomerText, PermissionRule, PolicyPackFile } from "./schema.js";
import type { YamlSource } from "./yamlSource.js";

export interface FactInfo {
  per: "customer" | "service";
  pack: string;
}

type Scope = "select" | "customerFacts" | "serviceFacts" | "serviceEnd" | "customer" | "service" | "device";

const SELECT: VariableName[] = ["customer", "conversation", "today", "now"];
const SCOPES: Record<Scope, VariableName[]> = {
  select: SELECT,
  customerFacts: [...SELECT, "facts"],
  serviceFacts: [...SELECT, "facts", "service"],
  serviceEnd: [...SELECT, "facts", "service"],
  customer: [...SELECT, "facts", "totals"],
  service: [...SELECT, "facts", "totals", "service", "outcome"],
  device: [...SELECT, "facts", "totals", "service", "outcome", "device"],
};

const SCOPE_WORDS: Record<Scope, string> = {
  select: "appliesTo",
  customerFacts: "a per-customer fact",
  serviceFacts: "a per-service fact",
  serviceEnd: "a serviceEnd rule (decided before fees and waivers)",
  customer: "a per-customer rule",
  service: "a per-service rule",
  device: "a per-device rule",
};

type Path = (string | number)[];

export class PackCompiler {
  readonly errors: PolicyError[] = [];

  constructor(
    private readonly source: YamlSource,
    private readonly packName: string,
    private readonly runtime: Runtime,
    /** Facts visible so far; facts of this pack are added as they compile. */
    private readonly facts: Map<string, FactInfo>,
  ) {}

  private fail(path: Path, offset: number, message: string): void {
    const pos = this.source.positionInValue(path, offset);
    this.errors.push(policyError(this.source.file, pos, message, this.source.ruleIdAt(path)));
  }

  origin(path: Path): RuleOrigin {
    const pos = this.source.positionOf(path);
    return { pack: this.packName, file: this.source.file, line: pos.line, column: pos.column };
  }

  private friendly(message: string, scope: Scope): string {
    const unknown = /^Unknown variable: (\w+)$/.exec(message);
    if (!unknown) return message;
    const available = SCOPES[scope].join(", ");
    return `${unknown[1]} is not available in ${SCOPE_WORDS[scope]} (available: ${available})`;
  }

  /** Reports `facts.<name>` reads of unknown facts, or of per-service facts outside a service. */
  private checkFacts(path: Path, source: string, factsRead: readonly string[], scope: Scope): boolean {
    let ok = true;
    for (const name of factsRead) {
      const info = this.facts.get(name);
      const offset = Math.max(0, source.indexOf(`facts.${name}`));
      if (!info) {
        this.fail(
          path,
          offset,
          `unknown fact "${name}" (facts are defined before use, in this pack or one it extends)`,
        );
        ok = false;
      } else if (
        info.per === "service" &&
        (scope === "customer" || scope === "customerFacts" || scope === "select")
      ) {
        this.fail(
          path,
          offset,
          `fact "${name}" is per service; it is not available in ${SCOPE_WORDS[scope]}`,
        );
        ok = false;
      }
    }
    return ok;
  }

  expr(
    path: Path,
    source: string,
    scope: Scope,
    expect: Expect,
    extra: VariableName[] = [],
  ): CompiledExpr | undefined {
    const compiled = compileExpression(source, [...SCOPES[scope], ...extra], this.runtime, expect);
    if (isProblem(compiled)) {
      this.fail(path, compiled.offset, this.friendly(compiled.message, scope));
      return undefined;
    }
    return this.checkFacts(path, source, compiled.factsRead, scope) ? compiled : undefined;
  }

  optExpr(path: Path, source: string | undefined, scope: Scope, expect: Expect): CompiledExpr | undefined {
    return source === undefined ? undefined : this.expr(path, source, scope, expect);
  }

  template(
    path: Path,
    source: string,
    scope: Scope,
    extra: VariableName[] = [],
    runtime: Runtime = this.runtime,
  ): CompiledTemplate | undefined {
    const compiled = compileTemplate(source, [...SCOPES[scope], ...extra], runtime);
    if (isProblem(compiled)) {
      this.fail(path, compiled.offset, this.friendly(compiled.message, scope));
      return undefined;
    }
    return this.checkFacts(path, source, compiled.factsRead, scope) ? compiled : undefined;
  }

  /**
   * Text a customer reads: the English template and each translation, compiled with the
   * runtime of its language (so `money`, `longDate` … write amounts and dates in it).
   */
  text(path: Path, source: CustomerText, scope: Scope, extra: VariableName[] = []): CompiledText | undefined {
    if (typeof source === "string") return this.template(path, source, scope, extra);
    const en = this.template([...path, "en"], source.en, scope, extra);
    const translations: Partial<Record<"de" | "sv", CompiledTemplate>> = {};
    let ok = en !== undefined;
    for (const language of ["de", "sv"] as const) {
      const text = source[language];
      if (text === undefined) continue;
      const compiled = this.template(
        [...path, language],
        text,
        scope,
        extra,
        this.runtime.inLanguage(language),
      );
      if (compiled) translations[language] = compiled;
      else ok = false;
    }
    if (!ok || !en) return undefined;
    return Object.keys(translations).length > 0 ? { ...en, translations } : en;
  }

  permission(rule: PermissionRule, path: Path): CPermission | undefined {
    const when = this.optExpr([...path, "when"], rule.when, "customer", "bool");
    const reason = this.text([...path, "reason"], rule.reason, "customer");
    if (!reason || (rule.when !== undefined && !when)) return undefined;
    return { ...this.base(rule, path), ...(when ? { when } : {}), effect: rule.effect, reason };
  }

  base(rule: { id: string; description?: string; citation?: string }, path: Path) {
    return {
      id: rule.id,
      origin: this.origin(path),
      ...(rule.description ? { description: rule.description } : {}),
      ...(rule.citation ? { citation: rule.citation } : {}),
    };
  }
}

const defined = <T>(x: T | undefined): x is T => x !== undefined;

/** Compiles `file` (already validated) into a pack; problems go to `compiler.errors`. */
export function compilePackFile(
  compiler: PackCompiler,
  file: PolicyPackFile,
  facts: Map<string, FactInfo>,
  ancestors: ReadonlySet<string>,
): CompiledPack {
  const c = compiler;
  const name = file.metadata.name;
  const appliesTo = c.expr(["appliesTo"], file.appliesTo, "select", "bool");

  const compiledFacts = file.facts
    .map((f, i) => {
      const path = ["facts", i];
      const prior = facts.get(f.id);
      if (prior && prior.per !== f.per) {
        c.errors.push(
          policyError(
            c.origin(path).file,
            c.origin(path),
            `fact "${f.id}" is per ${prior.per} in ${prior.pack}; an override must be too`,
            f.id,
          ),
        );
      }
      const value = c.expr(
        [...path, "value"],
        f.value,
        f.per === "service" ? "serviceFacts" : "customerFacts",
        "any",
      );
      facts.set(f.id, { per: f.per, pack: name });
      return value
        ? {
            id: f.id,
            per: f.per,
            value,
            assign: propertySetter(f.id),
            origin: c.origin(path),
            ...(f.description ? { description: f.description } : {}),
          }
        : undefined;
    })
    .filter(defined);

  const when = (path: Path, source: string | undefined, scope: "customer" | "service" | "device") =>
    c.optExpr([...path, "when"], source, scope, "bool");
  const withWhen = (w: CompiledExpr | undefined) => (w ? { when: w } : {});
  const ok = (source: unknown, compiled: unknown) => source === undefined || compiled !== undefined;

  const serviceEnd = file.serviceEnd
    .map((r, i) => {
      const path = ["serviceEnd", i];
      const w = c.optExpr([...path, "when"], r.when, "serviceEnd", "bool");
      const noticeDays = c.expr([...path, "noticeDays"], r.noticeDays, "serviceEnd", "number");
      const endDate = c.optExpr([...path, "endDate"], r.endDate, "serviceEnd", "string");
      if (!noticeDays || !ok(r.when, w) || !ok(r.endDate, endDate)) return undefined;
      return { ...c.base(r, path), ...withWhen(w), noticeDays, ...(endDate ? { endDate } : {}) };
    })
    .filter(defined);

  const fees = file.fees
    .map((r, i) => {
      const path = ["fees", i];
      const w = when(path, r.when, r.per);
      const amount = c.expr([...path, "amount"], r.amount, r.per, "number");
      const cap = c.optExpr([...path, "cap"], r.cap, r.per, "number");
      const explanation = c.text([...path, "explanation"], r.explanation, r.per, ["amount"]);
      if (!amount || !explanation || !ok(r.when, w) || !ok(r.cap, cap)) return undefined;
      return {
        ...c.base(r, path),
        ...withWhen(w),
        per: r.per,
        kind: r.kind,
        amount,
        ...(cap ? { cap } : {}),
        explanation,
      };
    })
    .filter(defined);

  const waivers = file.waivers
    .map((r, i) => {
      const path = ["waivers", i];
      const w = when(path, r.when, "service");
      const evidence: CEvidence[] = [];
      let evidenceOk = true;
      r.evidence.forEach((e, j) => {
        const ePath = [...path, "evidence", j];
        const from = c.optExpr([...ePath, "from"], e.from, "service", "list");
        const note =
          e.note === undefined ? undefined : c.text([...ePath, "note"], e.note, "service", ["item"]);
        if (!ok(e.from, from) || !ok(e.note, note)) evidenceOk = false;
        evidence.push({
          kind: e.kind,
          ...(from ? { from } : {}),
          ...(e.ref ? { ref: e.ref } : {}),
          ...(note ? { note } : {}),
        });
      });
      let waive: CWaive | undefined = { kind: "all" };
      if (r.waive !== "all" && "percent" in r.waive) waive = { kind: "percent", percent: r.waive.percent };
      else if (r.waive !== "all") {
        const upTo = c.expr([...path, "waive", "upTo"], r.waive.upTo, "service", "number");
        waive = upTo ? { kind: "upTo", upTo } : undefined;
      }
      const reason = c.text([...path, "reason"], r.reason, "service", ["evidence", "waived"]);
      if (!reason || !waive || !evidenceOk || !ok(r.when, w)) return undefined;
      return {
        ...c.base(r, path),
        ...withWhen(w),
        feeKinds: r.feeKinds,
        evidence,
        requireEvidence: r.requireEvidence,
        waive,
        reason,
      };
    })
    .filter(defined);

  const obligations = file.obligations
    .map((r, i) => {
      const path = ["obligations", i];
      const w = when(path, r.when, r.per);
      const message = c.text([...path, "message"], r.message, r.per);
      if (!message || !ok(r.when, w)) return undefined;
      return { ...c.base(r, path), ...withWhen(w), per: r.per, topic: r.topic, before: r.before, message };
    })
    .filter(defined);

  const actions = file.actions
    .map((r, i) => {
      const path = ["actions", i];
      const w = when(path, r.when, r.per);
      const at = c.optExpr([...path, "at"], r.at, r.per, "string");
      const idempotencyKey = c.template([...path, "idempotencyKey"], r.idempotencyKey, r.per);
      const params = Object.entries(r.params).map(
        ([k, v]) => [k, c.text([...path, "params", k], v, r.per)] as const,
      );
      if (!idempotencyKey || !ok(r.when, w) || !ok(r.at, at) || params.some(([, t]) => !t)) return undefined;
      return {
        ...c.base(r, path),
        ...withWhen(w),
        per: r.per,
        kind: r.kind,
        ...(at ? { at } : {}),
        idempotencyKey,
        params: params.map(([k, t]) => [k, t!] as [string, CompiledText]),
      };
    })
    .filter(defined);

  const retentionRules = (file.retention?.rules ?? [])
    .map((r, i) => c.permission(r, ["retention", "rules", i]))
    .filter(defined);
  const offers = (file.retention?.offers ?? [])
    .map((r, i) => {
      const path = ["retention", "offers", i];
      const w = when(path, r.when, r.per);
      const text = c.text([...path, "text"], r.text, r.per);
      if (!text || !ok(r.when, w)) return undefined;
      return { ...c.base(r, path), ...withWhen(w), per: r.per, text };
    })
    .filter(defined);
  const escalation = file.escalation
    .map((r, i) => {
      const path = ["escalation", i];
      const w = when(path, r.when, "customer");
      const reason = c.text([...path, "reason"], r.reason, "customer");
      if (!reason || !ok(r.when, w)) return undefined;
      return { ...c.base(r, path), ...withWhen(w), reason };
    })
    .filter(defined);
  const alumniRules = (file.alumni?.rules ?? [])
    .map((r, i) => c.permission(r, ["alumni", "rules", i]))
    .filter(defined);

  return {
    name,
    ...(file.metadata.title ? { title: file.metadata.title } : {}),
    file: c.origin([]).file,
    extends: file.extends,
    ancestors,
    appliesTo: appliesTo ?? {
      source: "false",
      display: "false",
      reads: [],
      readLabels: [],
      factsRead: [],
      constant: { value: false },
      evaluate: () => false,
    },
    ...(file.metadata.languages ? { languages: file.metadata.languages } : {}),
    traceId: `pack:${name}`,
    disable: file.disable,
    facts: compiledFacts,
    serviceEnd,
    fees,
    waivers,
    obligations,
    actions,
    retentionRules,
    offers,
    escalation,
    alumniRules,
    ...(file.retention?.maxOffers !== undefined ? { maxOffers: file.retention.maxOffers } : {}),
    ...(file.alumni?.maxContacts !== undefined ? { maxContacts: file.alumni.maxContacts } : {}),
    ...(file.alumni?.quietDays !== undefined ? { quietDays: file.alumni.quietDays } : {}),
    ...(file.tone !== undefined ? { tone: file.tone } : {}),
  };
}
