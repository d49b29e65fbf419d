/**
 * The bot's LLM use: the time budget and the fallbacks. The port (`Llm`, `LlmError`, the labels
 * an LLM may choose from and the schema its answers are checked with) is in `src/domain`,
 * redaction of personal data in `src/guardrails`, the OpenAI adapter in `src/adapters/openai`.
 */

export { compareFacts, factTokens } from "./factTokens.js";
export {
  LLM_CONFIDENCE_THRESHOLD,
  type LlmCallOptions,
  type LlmFallback,
  type LlmFallbackReason,
  type LlmUsed,
  mergeUnderstanding,
  type PhraseCheck,
  type Phrased,
  phraseWithLlm,
  understandWithLlm,
} from "./llmFallback.js";
export { rulesUnsure, type Unsure } from "./rulesUnsure.js";
export { BudgetExceededError, type BudgetResult, withBudget } from "./withBudget.js";
