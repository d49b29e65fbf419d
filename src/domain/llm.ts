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

export interface Llm {
  understand(request: LlmUnderstandRequest, signal: AbortSignal): Promise<LlmUnderstanding>;
  rephrase(request: LlmRephraseRequest, signal: AbortSignal): Promise<string>;
}
