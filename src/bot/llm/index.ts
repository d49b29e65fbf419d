/**
 * The bot's LLM use: the port, the labels it may choose from, redaction of personal data,
 * the time budget and the fallbacks. The OpenAI adapter lives in `src/adapters/openai`.
 */

export { compareFacts, factTokens } from "./factTokens.js";
export { CLAIM_KIND_LABELS, INTENT_LABELS, REASON_LABELS, TOPIC_LABELS } from "./labels.js";
export type { Llm, LlmRephraseRequest, LlmUnderstandRequest } from "./llm.js";
export { LlmError, type LlmErrorCode } from "./llmError.js";
export {
  LLM_CONFIDENCE_THRESHOLD,
  type LlmCallOptions,
  type LlmFallback,
  type LlmFallbackReason,
  mergeUnderstanding,
  type PhraseCheck,
  type Phrased,
  phraseWithLlm,
  understandWithLlm,
} from "./llmFallback.js";
export { checkLlmUnderstanding, LlmUnderstanding } from "./llmUnderstandingSchema.js";
export { createRedactor, type PiiKind, PLACEHOLDER, type Redactor, redactForLlm } from "./redactForLlm.js";
export { BudgetExceededError, type BudgetResult, withBudget } from "./withBudget.js";
