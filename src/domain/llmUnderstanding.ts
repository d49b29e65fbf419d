/**
 * `LlmUnderstanding`: the strict zod schema for what an LLM may say about a customer message
 * (the port's `LlmUnderstanding` type). Adapters validate every answer with it at the edge,
 * and `understandWithLlm` checks again before merging, so a label outside the Understanding
 * types, an unknown field or a confidence outside 0..1 never reaches the bot.
 */
import { z } from "zod";
import { ServiceKind } from "./customer.js";
import type { LlmUnderstanding as PortLlmUnderstanding } from "./llm.js";
import { CLAIM_KIND_LABELS, INTENT_LABELS, labelsOf, REASON_LABELS, TOPIC_LABELS } from "./llmLabels.js";

const INTENTS = labelsOf(INTENT_LABELS);

export const IntentLabel = z.enum(INTENTS);
export const TopicLabel = z.enum(labelsOf(TOPIC_LABELS));
export const ReasonLabel = z.enum(labelsOf(REASON_LABELS));
export const ClaimKindLabel = z.enum(labelsOf(CLAIM_KIND_LABELS));

/** Longest claim text kept ("the salesperson told me …"); longer answers are rejected. */
export const MAX_CLAIM_LENGTH = 500;

const unique = <T>(list: readonly T[]) => new Set(list).size === list.length;

export const LlmUnderstanding = z.strictObject({
  intents: z.array(IntentLabel).min(1).max(INTENTS.length).refine(unique, "duplicate intent").optional(),
  confidence: z.number().min(0).max(1).optional(),
  reason: ReasonLabel.optional(),
  serviceKinds: z.array(ServiceKind).refine(unique, "duplicate service kind").optional(),
  keepNumber: z.boolean().optional(),
  claim: z
    .strictObject({ text: z.string().trim().min(1).max(MAX_CLAIM_LENGTH), kind: ClaimKindLabel.optional() })
    .optional(),
  topics: z.array(TopicLabel).refine(unique, "duplicate topic").optional(),
  legalThreat: z.boolean().optional(),
  injectionAttempt: z.boolean().optional(),
  surveyCause: ReasonLabel.optional(),
});
export type LlmUnderstanding = PortLlmUnderstanding;

export type LlmUnderstandingCheck = { ok: true; value: LlmUnderstanding } | { ok: false; issues: string[] };

/**
 * Validates an LLM's answer. Issues name the field and the problem, never the value (the
 * value may quote the customer).
 */
export function checkLlmUnderstanding(value: unknown): LlmUnderstandingCheck {
  const parsed = LlmUnderstanding.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`),
  };
}
