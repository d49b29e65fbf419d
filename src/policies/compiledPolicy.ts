/**
 * A policy after `compile`: every expression and template parsed and checked once, packs in
 * precedence order. `decide` only reads it. The rule set for a customer (the packs that apply
 * to them, composed) is built once per combination of packs and then reused.
 */
import type { FeeLine, PlannedAction, Stage } from "../domain/decision.js";
import type { Language } from "../domain/language.js";
import type { CompiledExpr, CompiledTemplate } from "./cel/expression.js";
import type { CompiledTone } from "./utterance/toneSchema.js";

/**
 * Text a customer reads: the English template, and its translations (each compiled so that
 * amounts and dates come out in its language). `render` picks the decision's language.
 */
export interface CompiledText extends CompiledTemplate {
  readonly translations?: Partial<Record<Exclude<Language, "en">, CompiledTemplate>>;
}

/** Where a rule is written, for messages and the trace. */
export interface RuleOrigin {
  pack: string;
  file: string;
  line: number;
  column: number;
}

interface BaseRule {
  id: string;
  origin: RuleOrigin;
  description?: string;
  citation?: string;
  /** Absent: the rule always applies. */
  when?: CompiledExpr;
}

export interface CFact {
  id: string;
  per: "customer" | "service";
  value: CompiledExpr;
  /** `facts[id] = value`, compiled for this id (keeps the facts object fast to read). */
  assign: (facts: Record<string, unknown>, value: unknown) => void;
  origin: RuleOrigin;
  description?: string;
}

export interface CServiceEnd extends BaseRule {
  noticeDays: CompiledExpr;
  endDate?: CompiledExpr;
}

export interface CFee extends BaseRule {
  per: "service" | "device";
  kind: FeeLine["kind"];
  amount: CompiledExpr;
  cap?: CompiledExpr;
  explanation: CompiledText;
}

export interface CEvidence {
  kind: "promise" | "interaction" | "price_change" | "contract" | "dispute" | "fact" | "regulation";
  from?: CompiledExpr;
  ref?: string;
  note?: CompiledText;
}

export type CWaive =
  | { kind: "all" }
  | { kind: "percent"; percent: number }
  | { kind: "upTo"; upTo: CompiledExpr };

export interface CWaiver extends BaseRule {
  feeKinds: FeeLine["kind"][];
  evidence: CEvidence[];
  requireEvidence: boolean;
  waive: CWaive;
  reason: CompiledText;
}

export interface CObligation extends BaseRule {
  per: "customer" | "service" | "device";
  topic: string;
  before: Stage;
  message: CompiledText;
}

export interface CAction extends BaseRule {
  per: "customer" | "service" | "device";
  kind: PlannedAction["kind"];
  at?: CompiledExpr;
  idempotencyKey: CompiledTemplate;
  params: [string, CompiledText][];
}

export interface CPermission extends BaseRule {
  effect: "allow" | "deny";
  reason: CompiledText;
}

export interface COffer extends BaseRule {
  per: "customer" | "service";
  text: CompiledText;
}

export interface CEscalation extends BaseRule {
  reason: CompiledText;
}

/** The rule lists of a pack (or of a composed rule set), by section. */
export interface RuleSections {
  facts: CFact[];
  serviceEnd: CServiceEnd[];
  fees: CFee[];
  waivers: CWaiver[];
  obligations: CObligation[];
  actions: CAction[];
  retentionRules: CPermission[];
  offers: COffer[];
  escalation: CEscalation[];
  alumniRules: CPermission[];
}

export type SectionName = keyof RuleSections;

export interface CompiledPack extends RuleSections {
  name: string;
  title?: string;
  file: string;
  /** Direct parents. */
  extends: string[];
  /** Every pack this one extends, directly or not. */
  ancestors: ReadonlySet<string>;
  appliesTo: CompiledExpr;
  /** Languages its customers are answered in (`metadata.languages`), for `policy check`. */
  languages?: Language[];
  /** `pack:<name>`, its id in a decision's trace. */
  traceId: string;
  disable: string[];
  maxOffers?: number;
  maxContacts?: number;
  quietDays?: number;
  /** The pack's `tone` section as written; the utterance checker compiles it. */
  tone?: unknown;
}

/** The composed rules for one combination of packs. */
export interface RuleSet extends RuleSections {
  /** The packs composed, in precedence order (later overrides earlier). */
  packs: string[];
  maxOffers: number;
  maxContacts: number;
  quietDays: number;
  /** Tone sections of the packs, in precedence order. */
  tone: { pack: string; section: unknown }[];
  /** `facts` split by scope, in order. */
  customerFacts: CFact[];
  serviceFacts: CFact[];
  /** A new object with the customer facts of `facts`, in order (compiled once per rule set). */
  pickCustomerFacts(facts: Readonly<Record<string, unknown>>): Record<string, unknown>;
  /** A new object with the per-service facts of `facts`, in order. */
  pickServiceFacts(facts: Readonly<Record<string, unknown>>): Record<string, unknown>;
}

/**
 * What a compiled policy remembers between decisions, created empty by `compile` and dropped
 * with the policy (a reload starts afresh). Only results that depend on the policy alone are
 * kept here, never data of a customer or a decision.
 */
export interface PolicyCaches {
  /** Composed rule sets, by the sorted names of their packs (see `ruleSetFor`). */
  readonly ruleSets: Map<string, RuleSet>;
}

export interface CompiledPolicy {
  /** Content hash of the packs (comments and formatting do not change it). */
  revision: string;
  /** Every pack, in precedence order: a pack comes after every pack it extends. */
  packs: CompiledPack[];
  /** The tone rules: the default tone extended by every pack's `tone:` section, in order. */
  tone: CompiledTone;
  /** The rule set for the named packs, composed on first need and kept in `caches.ruleSets`. */
  ruleSetFor(packNames: readonly string[]): RuleSet;
  readonly caches: PolicyCaches;
}

export const DEFAULT_MAX_OFFERS = 1;
export const DEFAULT_MAX_CONTACTS = 0;
export const DEFAULT_QUIET_DAYS = 90;
