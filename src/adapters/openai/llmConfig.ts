/**
 * The LLM's environment variables, parsed with zod. `src/config.ts` merges `LlmEnv` into its
 * schema (so a bad value fails at start with the variable's name, like every other one) and
 * calls `llmConfigFrom` on the parsed values. No SDK is imported here.
 *
 * The LLM is optional: with neither OPENAI_API_KEY nor OPENAI_BASE_URL set, `llmConfigFrom`
 * returns undefined and the bot runs on its rules and templates alone.
 */
import { z } from "zod";

export const DEFAULT_LLM_MODEL = "gpt-4o-mini";
export const DEFAULT_LLM_BUDGET_MS = 2000;
/** Sent as the API key to servers that need none (Ollama, vLLM without --api-key). */
export const NO_API_KEY = "not-needed";

export const LlmEnv = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://api.openai.com/v1" })
    .optional(),
  OPENAI_MODEL: z
    .string()
    .trim()
    .min(1, "expected a model name such as gpt-4o-mini")
    .default(DEFAULT_LLM_MODEL),
  FAIREXIT_LLM_BUDGET_MS: z.coerce
    .number({ error: "expected a number of milliseconds" })
    .int("expected a whole number of milliseconds")
    .min(100, "expected at least 100 ms")
    .max(30_000, "expected at most 30000 ms: a customer is waiting")
    .default(DEFAULT_LLM_BUDGET_MS),
});
export type LlmEnv = z.output<typeof LlmEnv>;

export interface LlmConfig {
  /** Secret: never log it. */
  apiKey: string;
  /** Any OpenAI-compatible server (Azure OpenAI v1, vLLM, Ollama …); undefined = api.openai.com. */
  baseURL: string | undefined;
  model: string;
  /** How long the bot waits for the LLM before it carries on without it. */
  budgetMs: number;
}

/** The LLM configuration from parsed variables, or undefined when no LLM is configured. */
export function llmConfigFrom(env: LlmEnv): LlmConfig | undefined {
  if (env.OPENAI_API_KEY === undefined && env.OPENAI_BASE_URL === undefined) return undefined;
  return {
    apiKey: env.OPENAI_API_KEY ?? NO_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    budgetMs: env.FAIREXIT_LLM_BUDGET_MS,
  };
}
