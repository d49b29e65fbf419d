/**
 * `lint(policy)`: problems a policy can compile with but should not have. Warnings: rules that
 * can never apply, allow/deny pairs that contradict each other, waivers of fees nothing
 * charges, facts nobody uses, an obligation switched off with nothing left to say on its
 * topic, rules two unrelated packs both define, customer texts without a translation into a
 * language the pack declares (`metadata.languages`: those customers read English). Errors: text shown to customers that the
 * utterance checker's tone rules forbid (confirmshaming, guilt-tripping …); action keys and
 * params that read personal data (personalDataInActions.ts).
 */
import type { CompiledExpr, CompiledTemplate } from "./cel/expression.js";
import type {
  CompiledPack,
  CompiledPolicy,
  CompiledText,
  CPermission,
  RuleOrigin,
} from "./compiledPolicy.js";
import { SECTIONS } from "./compose.js";
import { personalDataInActions } from "./personalDataInActions.js";
import { type PolicyError, policyError, sortPolicyErrors } from "./policyError.js";
import { checkUtterance } from "./utterance/checkUtterance.js";

const at = (origin: RuleOrigin, id: string, message: string, severity: PolicyError["severity"] = "warning") =>
  policyError(origin.file, origin, message, id, severity);

const isFalse = (e: CompiledExpr | undefined) => e?.constant !== undefined && e.constant.value === false;
const isTrue = (e: CompiledExpr | undefined) =>
  e === undefined || (e.constant !== undefined && e.constant.value === true);
const norm = (e: CompiledExpr | undefined) => (e ? e.source.replace(/\s+/g, "") : "true");

function unreachable(pack: CompiledPack, out: PolicyError[]): void {
  for (const section of SECTIONS) {
    for (const rule of pack[section] as { id: string; origin: RuleOrigin; when?: CompiledExpr }[]) {
      if (isFalse(rule.when)) out.push(at(rule.origin, rule.id, "unreachable: `when` is always false"));
    }
  }
  const ends = pack.serviceEnd;
  const lastAlways = ends.findLastIndex((r) => isTrue(r.when));
  for (const r of ends.slice(0, Math.max(0, lastAlways)))
    out.push(
      at(
        r.origin,
        r.id,
        `unreachable: serviceEnd rule ${ends[lastAlways]!.id} comes later and always applies`,
      ),
    );
}

function contradictions(rules: readonly CPermission[], what: string, out: PolicyError[]): void {
  for (const deny of rules.filter((r) => r.effect === "deny")) {
    for (const allow of rules.filter((r) => r.effect === "allow")) {
      if (norm(deny.when) === norm(allow.when))
        out.push(
          at(
            allow.origin,
            allow.id,
            `contradicts ${what} rule ${deny.id}: same condition, opposite effect (the deny wins)`,
          ),
        );
    }
    if (isTrue(deny.when) && rules.some((r) => r.effect === "allow"))
      out.push(
        at(deny.origin, deny.id, `${what}: this deny always applies, so no allow rule can ever take effect`),
      );
  }
}

/** Fees charged by the pack or the packs it extends. */
function feeKindsSeen(policy: CompiledPolicy, pack: CompiledPack): Set<string> {
  const kinds = new Set<string>();
  for (const p of policy.packs)
    if (p === pack || pack.ancestors.has(p.name)) for (const f of p.fees) kinds.add(f.kind);
  return kinds;
}

function waiversWithoutFees(policy: CompiledPolicy, pack: CompiledPack, out: PolicyError[]): void {
  const kinds = feeKindsSeen(policy, pack);
  for (const w of pack.waivers) {
    const none = w.feeKinds.filter((k) => !kinds.has(k));
    if (none.length === w.feeKinds.length)
      out.push(
        at(
          w.origin,
          w.id,
          `unreachable: no fee rule charges ${none.join(" or ")}, so there is nothing to waive`,
        ),
      );
  }
}

interface TextOf {
  id: string;
  origin: RuleOrigin;
  /** Which text of the rule: `message`, `reason` … */
  field: string;
  text: CompiledText;
}

/** Every customer text of a pack with the rule it belongs to. */
function textsOf(pack: CompiledPack): TextOf[] {
  const out: TextOf[] = [];
  const add = (r: { id: string; origin: RuleOrigin }, field: string, t: CompiledText | undefined) => {
    if (t) out.push({ id: r.id, origin: r.origin, field, text: t });
  };
  for (const r of pack.fees) add(r, "explanation", r.explanation);
  for (const r of pack.waivers) add(r, "reason", r.reason);
  for (const r of pack.obligations) add(r, "message", r.message);
  for (const r of pack.offers) add(r, "text", r.text);
  for (const r of pack.escalation) add(r, "reason", r.reason);
  for (const r of pack.actions)
    for (const [key, t] of r.params) if (key === "message") add(r, "params.message", t);
  return out;
}

/** Every template of a pack (translations too) with the rule it belongs to. */
function templatesOf(pack: CompiledPack): { id: string; origin: RuleOrigin; template: CompiledTemplate }[] {
  return textsOf(pack).flatMap(({ id, origin, text }) => [
    { id, origin, template: text },
    ...Object.values(text.translations ?? {}).map((template) => ({ id, origin, template })),
  ]);
}

const LANGUAGE_NAMES = { de: "German", sv: "Swedish" } as const;

/**
 * A customer text without a translation into a language the pack declares: those customers
 * read it in English.
 */
function untranslated(pack: CompiledPack, out: PolicyError[]): void {
  const languages = (pack.languages ?? []).filter((l) => l !== "en");
  if (languages.length === 0) return;
  for (const { id, origin, field, text } of textsOf(pack)) {
    for (const language of languages)
      if (!text.translations?.[language])
        out.push(
          at(
            origin,
            id,
            `${field} has no ${language} translation: customers answered in ${LANGUAGE_NAMES[language]} read it in English`,
          ),
        );
  }
}

/** The template's words with every placeholder blanked out (offsets kept). */
function staticText(t: CompiledTemplate): string {
  return t.source.replace(/\{\{[\s\S]*?\}\}/g, (m) => "x".repeat(m.length));
}

function toneProblems(policy: CompiledPolicy, pack: CompiledPack, out: PolicyError[]): void {
  for (const { id, origin, template } of templatesOf(pack)) {
    const findings = checkUtterance(policy, staticText(template), { speaker: "bot" }).filter(
      (f) => f.kind === "tone",
    );
    for (const f of findings) {
      const instead = f.alternative ? ` Say instead, e.g.: "${f.alternative}"` : "";
      out.push(at(origin, id, `"${f.span.text}": ${f.message}.${instead}`, "error"));
    }
  }
}

/** Adds every fact name read anywhere inside `x` (a rule, an expression, a template). */
function collectFactsRead(x: unknown, used: Set<string>, depth = 0): void {
  if (depth > 5 || x === null || typeof x !== "object") return;
  if ("factsRead" in x) for (const f of (x as { factsRead: readonly string[] }).factsRead) used.add(f);
  for (const v of Array.isArray(x) ? x : Object.values(x)) collectFactsRead(v, used, depth + 1);
}

function unusedFacts(policy: CompiledPolicy, out: PolicyError[]): void {
  const used = new Set<string>();
  for (const pack of policy.packs) for (const section of SECTIONS) collectFactsRead(pack[section], used);
  for (const pack of policy.packs)
    for (const f of pack.facts)
      if (!used.has(f.id)) out.push(at(f.origin, f.id, `fact ${f.id} is never used by any rule`));
}

function silencedTopics(policy: CompiledPolicy, pack: CompiledPack, out: PolicyError[]): void {
  if (pack.disable.length === 0) return;
  const set = policy.ruleSetFor([...pack.ancestors, pack.name]);
  for (const p of policy.packs) {
    if (!pack.ancestors.has(p.name)) continue;
    for (const o of p.obligations) {
      if (!pack.disable.includes(o.id)) continue;
      if (!set.obligations.some((x) => x.topic === o.topic))
        out.push(
          at(
            pack.obligations[0]?.origin ?? o.origin,
            o.id,
            `${pack.name} disables obligation ${o.id}: nothing is said about ${o.topic} any more`,
          ),
        );
    }
  }
}

function unrelatedOverrides(policy: CompiledPolicy, out: PolicyError[]): void {
  const firstDefined = new Map<string, CompiledPack>();
  for (const pack of policy.packs) {
    for (const section of SECTIONS) {
      for (const rule of pack[section] as { id: string; origin: RuleOrigin }[]) {
        const key = `${section}:${rule.id}`;
        const prior = firstDefined.get(key);
        if (!prior) firstDefined.set(key, pack);
        else if (!pack.ancestors.has(prior.name))
          out.push(
            at(
              rule.origin,
              rule.id,
              `also defined by ${prior.name}, which ${pack.name} does not extend: when both apply, ${pack.name} wins only by name order`,
            ),
          );
      }
    }
  }
}

/** Lints a compiled policy; returns warnings and errors sorted by place. */
export function lint(policy: CompiledPolicy): PolicyError[] {
  const out: PolicyError[] = [];
  for (const pack of policy.packs) {
    unreachable(pack, out);
    contradictions(pack.retentionRules, "retention", out);
    contradictions(pack.alumniRules, "alumni", out);
    waiversWithoutFees(policy, pack, out);
    silencedTopics(policy, pack, out);
    toneProblems(policy, pack, out);
    untranslated(pack, out);
    for (const a of pack.actions)
      if (a.kind === "schedule_message" && !a.params.some(([k]) => k === "message"))
        out.push(
          at(
            a.origin,
            a.id,
            "a scheduled message needs a `message` param: the customer would get an empty message",
          ),
        );
  }
  unusedFacts(policy, out);
  personalDataInActions(policy, out);
  unrelatedOverrides(policy, out);
  return sortPolicyErrors(out);
}
