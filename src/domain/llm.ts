/**
 * The LLM port. An LLM may classify a customer message when the rules are unsure, and may
 * rephrase a template; it never decides fees, waivers, offers or actions. Text sent to it has
 * personal data replaced by placeholders first (see redactForLlm).
 */
import type { Expectation, Language, Understanding } from "./understanding.js";

export interface LlmUnderstandRequest {
  /** The customer's message with personal data replaced by placeholders. */
  text: string;
  expecting: Expectation;
  language: Language;
}

/** The fields an LLM may fill; validated with zod at the adapter's edge. */
export type LlmUnderstanding = Partial<
  Pick<
    Understanding,
    | "intents"
    | "confidence"
    | "reason"
    | "serviceKinds"
    | "keepNumber"
    | "claim"
    | "topics"
    | "legalThreat"
    | "injectionAttempt"
    | "surveyCause"
  >
>;

export interface LlmRephraseRequest {
  /** The template text, already filled with the decision's values. */
  text: string;
  locale: string;
  /** What the message is for (e.g. "disclose the remote unlock"), to keep meaning intact. */
  purpose: string;
}

/** A sentence an agent said, for a second opinion on its tone (agent assist). */
export interface LlmToneRequest {
  /** The agent's words with personal data replaced by placeholders. */
  text: string;
  language: string;
  /** The tone categories the answer may name (id and what it means). */
  categories: readonly { id: string; description: string }[];
}

/** What the model found: each a category id and the exact words (validated at the adapter's edge). */
export interface LlmToneVerdict {
  findings: { category: string; quote: string; reason: string }[];
}

/** The customer's history and the call so far, for a short summary for the agent (agent assist). */
export interface LlmSummaryRequest {
  /** The language to write in ("en", "sv", "de" …). */
  language: string;
  /** The history that matters, one fact a line, personal data replaced by placeholders. */
  history: readonly string[];
  /** The call so far, oldest first, personal data replaced by placeholders. */
  transcript: readonly { speaker: "customer" | "agent" | "bot"; text: string }[];
}

/** A few sentences for the agent (validated at the adapter's edge). */
export interface LlmSummary {
  summary: string;
}

export interface Llm {
  understand(request: LlmUnderstandRequest, signal: AbortSignal): Promise<LlmUnderstanding>;
  rephrase(request: LlmRephraseRequest, signal: AbortSignal): Promise<string>;
  /**
   * Optional: names tone problems in an agent's sentence (the asynchronous LLM judge of
   * agent assist, src/guardrails/speech/llmJudge.ts). Absent: no judge.
   */
  judgeTone?(request: LlmToneRequest, signal: AbortSignal): Promise<LlmToneVerdict>;
  /**
   * Optional: summarises a customer's history and the call so far for the agent (agent assist
   * fills `view.summary` in the background). Absent: no summary.
   */
  summarise?(request: LlmSummaryRequest, signal: AbortSignal): Promise<LlmSummary>;
}
