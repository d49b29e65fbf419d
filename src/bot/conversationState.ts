/**
 * What the bot keeps between turns, stored with the conversation after every turn (a customer
 * who drops and returns, or a server restart, resumes here). Versioned and validated on read.
 */
import { z } from "zod";
import { LEAVING_REASONS } from "../domain/decision.js";
import { emptyLedger, Ledger } from "../domain/ledger.js";
import { EXPECTATIONS } from "../domain/understanding.js";

export const BotStage = z.enum([
  "identify",
  "understand",
  "review",
  "offer",
  "confirm",
  "receipt",
  "farewell",
  "survey",
  "closed",
  "handover",
]);
export type BotStage = z.infer<typeof BotStage>;

export const GatheredFacts = z.strictObject({
  serviceIds: z.array(z.string()).optional(),
  /** Kinds named before the customer was identified ("cancel my broadband and TV"). */
  serviceKinds: z.array(z.string()).optional(),
  reason: z.enum(LEAVING_REASONS).optional(),
  /** True once the customer was asked why (answering is optional). */
  reasonAsked: z.boolean().default(false),
  newPostcode: z.string().optional(),
  newCountry: z.string().optional(),
  keepNumber: z.boolean().optional(),
  claims: z.array(z.strictObject({ text: z.string(), kind: z.string().optional() })).default([]),
  requestedPerson: z.boolean().default(false),
  legalThreat: z.boolean().default(false),
});
export type GatheredFacts = z.infer<typeof GatheredFacts>;

export const ConversationState = z.strictObject({
  v: z.literal(1),
  stage: BotStage,
  expecting: z.enum(EXPECTATIONS),
  channel: z.string(),
  /**
   * The language the bot answers in (see chooseLanguage): absent until a message or the
   * account tells it, and in states saved before it was kept (English then, until told).
   */
  language: z.enum(["en", "de", "sv"]).optional(),
  customerId: z.string().optional(),
  /** Identity came from a trusted channel (a signed-in website), not from account + postcode. */
  trustedIdentity: z.boolean().default(false),
  identityTries: z.number().int().nonnegative().default(0),
  pendingAccountNumber: z.string().optional(),
  facts: GatheredFacts,
  ledger: Ledger,
  /** Offer ids already made in this conversation. */
  offersMade: z.array(z.string()).default([]),
  offersDeclined: z.number().int().nonnegative().default(0),
  /** Policy revision of the decision last shown to the customer. */
  policyRevision: z.string().optional(),
  /** Set once the cancellation was executed: never executed twice. */
  executedAt: z.string().optional(),
  reference: z.string().optional(),
  handoverId: z.string().optional(),
  winBackConsent: z.boolean().optional(),
  surveyCause: z.string().optional(),
  /**
   * Services found already cancelled (a confirmed cancellation in the outbox) right after
   * identification: told once, and not offered again. Absent until checked.
   */
  cancelledServiceIds: z.array(z.string()).optional(),
});
export type ConversationState = z.infer<typeof ConversationState>;

export function initialState(channel: string, trustedCustomerId?: string): ConversationState {
  return {
    v: 1,
    stage: trustedCustomerId ? "understand" : "identify",
    expecting: trustedCustomerId ? "anything" : "account_number",
    channel,
    customerId: trustedCustomerId,
    trustedIdentity: trustedCustomerId !== undefined,
    identityTries: 0,
    facts: { reasonAsked: false, claims: [], requestedPerson: false, legalThreat: false },
    ledger: emptyLedger(),
    offersMade: [],
    offersDeclined: 0,
  };
}
