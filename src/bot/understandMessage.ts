/**
 * What a customer's message says: the rules' understanding and, when an LLM is configured and
 * the rules are unsure (see llm/rulesUnsure), the LLM's labels merged in after validation. What
 * the LLM said is audited as labels (`understanding`), never as text; a late or wrong answer
 * leaves the rules' understanding, logged and audited as a fallback.
 */
import type { Customer } from "../domain/customer.js";
import type { Understanding } from "../domain/understanding.js";
import type { ConversationState } from "./conversationState.js";
import { type FillableFact, understandWithLlm } from "./llm/llmFallback.js";
import type { ConversationDeps } from "./ports.js";
import type { PendingAudit } from "./turnContext.js";

export interface MessageInContext {
  conversationId: string;
  text: string | undefined;
  state: ConversationState;
  /** The identified customer, whose names are redacted before the LLM sees the text. */
  customer: Customer | undefined;
}

/** Understands `m.text`; what the LLM contributed (or why it did not) is pushed onto `audit`. */
export async function understandMessage(
  deps: ConversationDeps,
  budgetMs: number,
  m: MessageInContext,
  audit: PendingAudit[],
): Promise<Understanding> {
  const { conversationId, text, state, customer } = m;
  const rules = deps.understand(text ?? "", state.expecting);
  if (!deps.llm || text === undefined) return rules;
  let why: string | undefined;
  return understandWithLlm(
    rules,
    deps.llm,
    { text, expecting: state.expecting, language: rules.language },
    budgetMs,
    {
      names: customer ? [customer.name.given, customer.name.family] : [],
      settled: settledFacts(state),
      onAsked: (w) => {
        why = w;
      },
      onUsed: (used) => audit.push({ kind: "understanding", data: { source: "rules+llm", ...used } }),
      onFallback: (f) => {
        deps.logger.warn({ conversationId, step: f.step, reason: f.reason }, "LLM fallback");
        audit.push({
          kind: "understanding",
          data: {
            source: "rules",
            why,
            fallback: f.reason,
            ...(f.errorCode ? { errorCode: f.errorCode } : {}),
            intents: rules.intents,
          },
        });
      },
    },
  );
}

/** The facts the conversation holds already: an LLM's reading of a later message does not replace them. */
function settledFacts(state: ConversationState): FillableFact[] {
  const f = state.facts;
  const settled: FillableFact[] = [];
  if (f.reason !== undefined && f.reason !== "other") settled.push("reason");
  if (f.serviceIds !== undefined || f.serviceKinds !== undefined) settled.push("serviceKinds");
  if (f.keepNumber !== undefined) settled.push("keepNumber");
  if (state.surveyCause !== undefined) settled.push("surveyCause");
  return settled;
}
