/**
 * The policy pack file (`policies/<pack>.yaml`, `apiVersion: fairexit/v1`, `kind: PolicyPack`),
 * as a strict zod schema: an unknown field is an error, so a typo is reported with its line
 * and column instead of being silently ignored. `schema/policy-pack.schema.json` is generated
 * from it so editors can autocomplete.
 *
 * Conditions, amounts and dates are CEL expressions (strings; `true`, `false` and numbers are
 * accepted and read as CEL). Texts shown to people are templates: plain words with
 * `{{ cel-expression }}` placeholders.
 */
import { z } from "zod";
import { ToneSection } from "./utterance/toneSchema.js";

/** A CEL expression. YAML booleans and numbers are read as the same CEL literal. */
export const Expr = z
  .union([z.string().min(1, "expected a CEL expression"), z.boolean(), z.number()])
  .transform((v) => String(v))
  .meta({ description: "A CEL expression, e.g. `facts.months_left > 0`." });

/** Words with `{{ expression }}` placeholders. Quote it in YAML when it starts with `{{`. */
export const Template = z.string().min(1, "expected a message template").meta({
  description:
    "Text with `{{ cel-expression }}` placeholders, e.g. `Your service ends on {{ longDate(outcome.endDate) }}.`",
});

/**
 * Text a customer reads: one English template, or the template in each language the pack
 * translates it into (`en` required; `de`, `sv` optional). A customer answered in a language
 * without a translation reads the English text (`fairexit policy check` warns when the pack
 * declares that language in `metadata.languages`). Amounts and dates written with `money`,
 * `moneyTotals`, `longDate`, `longInstant` come out in the translation's language.
 */
export const CustomerText = z
  .union([
    Template,
    z.strictObject({
      en: Template,
      de: Template.optional(),
      sv: Template.optional(),
    }),
  ])
  .meta({
    description:
      "A template, or `{ en: …, de: …, sv: … }` with one template per language (English required).",
  });
export type CustomerText = z.output<typeof CustomerText>;

export const RuleId = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,79}$/, "expected a rule id of lower-case letters, digits and -, e.g. exit-fee")
  .meta({ description: "Stable id. A later pack replaces a rule with the same id." });

export const FactId = z
  .string()
  .regex(
    /^[a-z][a-z0-9_]{0,63}$/,
    "expected a fact name of lower-case letters, digits and _, e.g. months_left",
  )
  .refine((s) => s !== "byService", "byService is reserved")
  .meta({ description: "Name used in expressions as `facts.<name>`." });

export const StageName = z.enum(["review", "offer", "confirm", "execute", "receipt", "farewell"]);
export const FeeKind = z.enum(["exit_fee", "notice_period", "device_balance", "equipment", "other"]);
export const ActionKind = z.enum([
  "end_service",
  "issue_porting_code",
  "request_unlock",
  "final_bill",
  "credit_dispute",
  "credit_promotion",
  "cancel_payment_mandate",
  "equipment_return_label",
  "send_receipt",
  "schedule_message",
]);

const common = {
  description: z
    .string()
    .optional()
    .meta({ description: "What the rule is for, for people reading the policy." }),
  citation: z
    .string()
    .optional()
    .meta({ description: "The law, regulator rule or company commitment the rule encodes." }),
  when: Expr.optional().meta({
    description: "CEL condition; the rule applies when it is true. Default: always.",
  }),
};

export const FactRule = z.strictObject({
  id: FactId,
  per: z.enum(["customer", "service"]).default("customer"),
  value: Expr,
  description: z.string().optional(),
});

export const ServiceEndRule = z.strictObject({
  id: RuleId,
  ...common,
  noticeDays: Expr.meta({ description: "Days of notice, e.g. `service.contract.noticeDays`." }),
  endDate: Expr.optional().meta({
    description: "Last day of service (YYYY-MM-DD). Default: `addDays(today, <noticeDays>)`.",
  }),
});

export const FeeRule = z.strictObject({
  id: RuleId,
  ...common,
  per: z.enum(["service", "device"]).default("service"),
  kind: FeeKind,
  amount: Expr.meta({ description: "Amount in the service's currency, before waivers." }),
  cap: Expr.optional().meta({ description: "Upper limit of the amount." }),
  explanation: CustomerText,
});

export const EvidenceSpec = z.strictObject({
  kind: z.enum(["promise", "interaction", "price_change", "contract", "dispute", "fact", "regulation"]),
  from: Expr.optional().meta({
    description: "CEL list of records, e.g. `customer.promises.filter(p, …)`; each one found is cited.",
  }),
  ref: z.string().optional().meta({ description: "A fixed reference, e.g. a fact name or a regulation." }),
  note: CustomerText.optional().meta({ description: "Template; `item` is the record cited." }),
});

export const Waive = z.union([
  z.literal("all"),
  z.strictObject({ percent: z.number().min(0).max(100) }),
  z.strictObject({ upTo: Expr }),
]);

export const WaiverRule = z.strictObject({
  id: RuleId,
  ...common,
  feeKinds: z.array(FeeKind).min(1),
  evidence: z.array(EvidenceSpec).default([]),
  requireEvidence: z
    .boolean()
    .default(false)
    .meta({ description: "Apply only when at least one record is found by an evidence `from`." }),
  waive: Waive.default("all"),
  reason: CustomerText.meta({
    description: "What the customer is told. `waived` and `evidence` are available.",
  }),
});

export const ObligationRule = z.strictObject({
  id: RuleId,
  ...common,
  per: z.enum(["customer", "service", "device"]).default("customer"),
  topic: z.string().regex(/^[a-z][a-z0-9_]*$/, "expected a topic such as device_unlock"),
  before: StageName.meta({ description: "Must be said before the conversation reaches this stage." }),
  message: CustomerText,
});

export const ActionRule = z.strictObject({
  id: RuleId,
  ...common,
  per: z.enum(["customer", "service", "device"]).default("customer"),
  kind: ActionKind,
  at: Expr.optional().meta({
    description: "When (ISO date-time), e.g. `addHours(outcome.endsAt, -1)`. Default: at once.",
  }),
  idempotencyKey: Template.meta({
    description: "Same key, same effect: e.g. `end:{{ customer.id }}:{{ service.id }}`. Never use `now`.",
  }),
  params: z
    .record(z.string().regex(/^[A-Za-z][A-Za-z0-9_]*$/), CustomerText)
    .default({})
    .meta({
      description:
        "Templates; a text the customer reads (a scheduled `message`) may be translated like any customer text.",
    }),
});

export const PermissionRule = z.strictObject({
  id: RuleId,
  ...common,
  effect: z.enum(["allow", "deny"]).meta({ description: "A matching deny always beats any allow." }),
  reason: CustomerText,
});

export const OfferRule = z.strictObject({
  id: RuleId,
  ...common,
  per: z.enum(["customer", "service"]).default("customer"),
  text: CustomerText,
});

export const EscalationRule = z.strictObject({
  id: RuleId,
  ...common,
  reason: CustomerText,
});

export const RetentionSection = z.strictObject({
  maxOffers: z.number().int().min(0).max(5).optional().meta({ description: "Default 1." }),
  rules: z.array(PermissionRule).default([]),
  offers: z.array(OfferRule).default([]),
});

export const AlumniSection = z.strictObject({
  maxContacts: z.number().int().min(0).max(24).optional().meta({ description: "Default 0." }),
  quietDays: z.number().int().min(0).max(3650).optional().meta({ description: "Default 90." }),
  rules: z.array(PermissionRule).default([]),
});

export const PackName = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,63}$/, "expected a pack name of lower-case letters, digits and -");

export const PolicyPackFile = z
  .strictObject({
    $schema: z.string().optional(),
    apiVersion: z.literal("fairexit/v1", { error: "expected apiVersion: fairexit/v1" }),
    kind: z.literal("PolicyPack", { error: "expected kind: PolicyPack" }),
    metadata: z.strictObject({
      name: PackName,
      title: z.string().optional(),
      description: z.string().optional(),
      owner: z.string().optional(),
      languages: z
        .array(z.enum(["en", "de", "sv"]))
        .optional()
        .meta({
          description:
            "Languages the pack's customers are answered in: `policy check` warns about each customer text without a translation into one of them.",
        }),
    }),
    extends: z.array(PackName).default([]).meta({ description: "Packs whose rules come first." }),
    appliesTo: Expr.default("true").meta({
      description: 'Which customers the pack is for, e.g. `customer.jurisdiction in ["UK"]`.',
    }),
    disable: z.array(RuleId).default([]).meta({ description: "Rule ids of extended packs to switch off." }),
    facts: z.array(FactRule).default([]),
    serviceEnd: z.array(ServiceEndRule).default([]),
    fees: z.array(FeeRule).default([]),
    waivers: z.array(WaiverRule).default([]),
    obligations: z.array(ObligationRule).default([]),
    actions: z.array(ActionRule).default([]),
    retention: RetentionSection.optional(),
    escalation: z.array(EscalationRule).default([]),
    alumni: AlumniSection.optional(),
    /** Owned by the utterance checker: see `src/policies/utterance/toneSchema.ts`. */
    tone: ToneSection.optional(),
  })
  .meta({ title: "FairExit policy pack", description: "A fairexit/v1 policy pack (policies/<pack>.yaml)." });

export type PolicyPackFile = z.output<typeof PolicyPackFile>;
export type FactRule = z.output<typeof FactRule>;
export type ServiceEndRule = z.output<typeof ServiceEndRule>;
export type FeeRule = z.output<typeof FeeRule>;
export type WaiverRule = z.output<typeof WaiverRule>;
export type EvidenceSpec = z.output<typeof EvidenceSpec>;
export type ObligationRule = z.output<typeof ObligationRule>;
export type ActionRule = z.output<typeof ActionRule>;
export type PermissionRule = z.output<typeof PermissionRule>;
export type OfferRule = z.output<typeof OfferRule>;
export type EscalationRule = z.output<typeof EscalationRule>;
