/**
 * A policy case file (`policies/<pack>.cases.yaml`, `kind: PolicyCases`): situations written
 * as data (a customer, the moment, what the conversation established) and what the policy must
 * decide for them. `fairexit policy test` runs every case file.
 */
import { z } from "zod";
import { Coverage, Customer, IsoDate, IsoDateTime } from "../../domain/customer.js";
import { LEAVING_REASONS } from "../../domain/decision.js";
import { FeeKind, RuleId, StageName } from "../schema.js";

export const ConversationFactsSchema = z.strictObject({
  serviceIds: z.array(z.string()).optional(),
  reason: z.enum(LEAVING_REASONS).optional(),
  newPostcode: z.string().optional(),
  newCountry: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  keepNumber: z.boolean().optional(),
  claims: z
    .array(
      z.strictObject({
        text: z.string(),
        kind: z
          .enum(["fee_waiver", "free_cancellation", "discount", "free_unlock", "credit", "other"])
          .optional(),
      }),
    )
    .optional(),
  requestedPerson: z.boolean().optional(),
  legalThreat: z.boolean().optional(),
  offersMade: z.number().int().min(0).optional(),
  offersDeclined: z.number().int().min(0).optional(),
  channel: z.string().optional(),
});

const RuleRef = z.union([RuleId, z.string().regex(/^[a-z][a-z0-9_]*$/)]);

const FeeExpectation = z.strictObject({
  rule: RuleRef.optional(),
  service: z.string().optional(),
  kind: FeeKind.optional(),
  amount: z.number().optional(),
});

const WaiverExpectation = z.strictObject({
  rule: RuleRef,
  service: z.string().optional(),
  amount: z.number().optional(),
  /** Words the reason must contain. */
  says: z.string().optional(),
  /** Evidence refs that must be cited (e.g. a promise id). */
  cites: z.array(z.string()).optional(),
});

const ObligationExpectation = z.union([
  RuleId,
  z.strictObject({
    rule: RuleId,
    service: z.string().optional(),
    before: StageName.optional(),
    says: z.string().optional(),
  }),
]);

const ActionExpectation = z.union([
  RuleId,
  z.strictObject({
    rule: RuleId,
    service: z.string().optional(),
    at: IsoDateTime.optional(),
    params: z.record(z.string(), z.string()).optional(),
  }),
]);

export const CaseExpectation = z.strictObject({
  /** Exactly these packs apply, in this order. */
  packs: z.array(z.string()).optional(),
  /** Per currency, after waivers. Listed currencies must match exactly. */
  totals: z.record(z.string().regex(/^[A-Z]{3}$/), z.number()).optional(),
  endDates: z.record(z.string(), IsoDate).optional(),
  fees: z.array(FeeExpectation).optional(),
  feesAbsent: z.array(FeeExpectation).optional(),
  waivers: z.array(WaiverExpectation).optional(),
  waiversAbsent: z.array(RuleRef).optional(),
  obligations: z.array(ObligationExpectation).optional(),
  obligationsAbsent: z.array(RuleId).optional(),
  actions: z.array(ActionExpectation).optional(),
  actionsAbsent: z.array(RuleId).optional(),
  offers: z
    .strictObject({
      allowed: z.boolean().optional(),
      remaining: z.number().int().optional(),
      rules: z.array(RuleId).optional(),
      blockedBy: z.array(z.string()).optional(),
    })
    .optional(),
  escalation: z
    .strictObject({ required: z.boolean().optional(), reasons: z.array(z.string()).optional() })
    .optional(),
  alumni: z
    .strictObject({ contactAllowed: z.boolean().optional(), maxContacts: z.number().int().optional() })
    .optional(),
  /** The departments that failed the customer, in order (the decision's `rootCause.chain`); `[]` for none. */
  rootCause: z.array(z.string()).optional(),
  /** Customer-level facts. */
  facts: z.record(z.string(), z.unknown()).optional(),
  /** Per-service facts, by service id. */
  serviceFacts: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type CaseExpectation = z.output<typeof CaseExpectation>;

export const PolicyCase = z.strictObject({
  name: z.string().min(1),
  now: IsoDateTime.optional(),
  /** A customer defined under `customers`, a demo customer id, or a customer written inline. */
  customer: z.union([z.string().min(1), Customer]),
  coverage: Coverage.optional(),
  conversation: ConversationFactsSchema.default({}),
  expect: CaseExpectation,
});
export type PolicyCase = z.output<typeof PolicyCase>;

export const PolicyCasesFile = z
  .strictObject({
    $schema: z.string().optional(),
    apiVersion: z.literal("fairexit/v1", { error: "expected apiVersion: fairexit/v1" }),
    kind: z.literal("PolicyCases", { error: "expected kind: PolicyCases" }),
    /** The pack these cases are about (documentation; every pack in the folder is compiled). */
    pack: z.string().optional(),
    defaults: z.strictObject({ now: IsoDateTime.optional(), coverage: Coverage.optional() }).default({}),
    /** Customers used by several cases, by name. YAML anchors and `<<:` merge keys work too. */
    customers: z.record(z.string(), Customer).default({}),
    /** Scratch space for YAML anchors (`&name`); ignored by the runner. */
    templates: z.unknown().optional(),
    cases: z.array(PolicyCase).min(1),
  })
  .meta({
    title: "FairExit policy cases",
    description: "Situations and the decisions a policy must make for them.",
  });
export type PolicyCasesFile = z.output<typeof PolicyCasesFile>;
