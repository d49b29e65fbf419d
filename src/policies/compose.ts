/**
 * Pack composition. The packs that apply to a customer are composed in precedence order (a
 * pack after every pack it extends; `extends: [a, b]` puts b after a; unrelated packs by
 * name). For each section, a later pack's rule with the same id replaces the earlier rule in
 * its place; a pack's `disable` list removes inherited rules; new rules are appended. Single
 * values (`maxOffers`, `maxContacts`, `quietDays`) come from the last pack that sets them.
 */
import { propertyPicker } from "./cel/objectCode.js";
import {
  type CompiledPack,
  DEFAULT_MAX_CONTACTS,
  DEFAULT_MAX_OFFERS,
  DEFAULT_QUIET_DAYS,
  type RuleSections,
  type RuleSet,
  type SectionName,
} from "./compiledPolicy.js";

export const SECTIONS: readonly SectionName[] = [
  "facts",
  "serviceEnd",
  "fees",
  "waivers",
  "obligations",
  "actions",
  "retentionRules",
  "offers",
  "escalation",
  "alumniRules",
];

function composeSection<R extends { id: string }>(lists: { rules: R[]; disable: string[] }[]): R[] {
  const out: (R | undefined)[] = [];
  const index = new Map<string, number>();
  for (const { rules, disable } of lists) {
    for (const id of disable) {
      const at = index.get(id);
      if (at !== undefined) {
        out[at] = undefined;
        index.delete(id);
      }
    }
    for (const rule of rules) {
      const at = index.get(rule.id);
      if (at !== undefined) out[at] = rule;
      else {
        index.set(rule.id, out.length);
        out.push(rule);
      }
    }
  }
  return out.filter((r): r is R => r !== undefined);
}

/** Composes `packs`, which must be in precedence order. */
export function composeRuleSet(packs: readonly CompiledPack[]): RuleSet {
  const sections = {} as Record<SectionName, unknown>;
  for (const name of SECTIONS) {
    sections[name] = composeSection(
      packs.map((p) => ({ rules: p[name] as { id: string }[], disable: p.disable })),
    );
  }
  const composed = sections as unknown as RuleSections;
  const customerFacts = composed.facts.filter((f) => f.per === "customer");
  const serviceFacts = composed.facts.filter((f) => f.per === "service");
  const last = <K extends "maxOffers" | "maxContacts" | "quietDays">(key: K, fallback: number): number =>
    packs.reduce<number>((v, p) => p[key] ?? v, fallback);
  return {
    ...composed,
    packs: packs.map((p) => p.name),
    maxOffers: last("maxOffers", DEFAULT_MAX_OFFERS),
    maxContacts: last("maxContacts", DEFAULT_MAX_CONTACTS),
    quietDays: last("quietDays", DEFAULT_QUIET_DAYS),
    tone: packs.filter((p) => p.tone !== undefined).map((p) => ({ pack: p.name, section: p.tone })),
    customerFacts,
    serviceFacts,
    pickCustomerFacts: propertyPicker(customerFacts.map((f) => f.id)),
    pickServiceFacts: propertyPicker(serviceFacts.map((f) => f.id)),
  };
}

/**
 * Orders pack names so every pack comes after the packs it extends. Returns the order, or the
 * packs on a cycle.
 */
export function precedenceOrder(
  extendsOf: ReadonlyMap<string, readonly string[]>,
): { order: string[] } | { cycle: string[] } {
  const order: string[] = [];
  const state = new Map<string, "visiting" | "done">();
  const stack: string[] = [];
  const visit = (name: string): string[] | undefined => {
    const s = state.get(name);
    if (s === "done") return undefined;
    if (s === "visiting") return [...stack.slice(stack.indexOf(name)), name];
    state.set(name, "visiting");
    stack.push(name);
    for (const parent of extendsOf.get(name) ?? []) {
      if (!extendsOf.has(parent)) continue;
      const cycle = visit(parent);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(name, "done");
    order.push(name);
    return undefined;
  };
  for (const name of [...extendsOf.keys()].sort()) {
    const cycle = visit(name);
    if (cycle) return { cycle };
  }
  return { order };
}

/** Every pack `name` extends, directly or not. */
export function ancestorsOf(name: string, extendsOf: ReadonlyMap<string, readonly string[]>): Set<string> {
  const out = new Set<string>();
  const walk = (n: string) => {
    for (const p of extendsOf.get(n) ?? []) {
      if (!out.has(p)) {
        out.add(p);
        walk(p);
      }
    }
  };
  walk(name);
  return out;
}
