/**
 * What the conversation engine needs from the outside, passed in by the composition root.
 */
import type { AuditTrail } from "../audit/auditTrail.js";
import type { Customer } from "../domain/customer.js";
import type { Logger } from "../domain/logger.js";
import type { Clock, Store } from "../domain/ports.js";
import type { Notifier, Operations, OutboxStore } from "../execution/ports.js";
import type { CompiledPolicy } from "../policies/compiledPolicy.js";
import type { Decision } from "../policies/decision.js";
import type { Ledger } from "../policies/ledger.js";
import type { Llm } from "./llm/llm.js";
import type { Understand } from "./understanding/understanding.js";

/** A request for a person to take over, with everything they need not to ask again. */
export interface HandoverRecord {
  id: string;
  conversationId: string;
  customerId?: string;
  at: string;
  reasons: { ruleId: string; reason: string }[];
  stage: string;
  decision?: Decision;
  ledger: Ledger;
  transcript: { speaker: string; text: string; at: string }[];
}

/** Where hand-overs go: agent assist shows them to a live agent. */
export interface HandoverPort {
  announce(record: HandoverRecord): Promise<void>;
}

export interface ConversationDeps {
  store: Store;
  /** The policy in force (the holder reloads it when supervisors edit the files). */
  policy: () => CompiledPolicy;
  clock: Clock;
  outbox: OutboxStore;
  operations: Operations;
  notifier: Notifier;
  audit: AuditTrail;
  handover: HandoverPort;
  understand: Understand;
  /** Optional: classifies when the rules are unsure, rephrases templates. Never decides. */
  llm?: Llm;
  llmBudgetMs?: number;
  logger: Logger;
}

export type { Customer };
