/**
 * What the conversation engine needs from the outside, passed in by the composition root.
 */
import type { AuditTrail } from "../audit/auditTrail.js";
import type { Customer } from "../domain/customer.js";
import type { HandoverPort } from "../domain/handover.js";
import type { Llm } from "../domain/llm.js";
import type { Logger } from "../domain/logger.js";
import type { Clock, Store } from "../domain/ports.js";
import type { Understand } from "../domain/understanding.js";
import type { Notifier, Operations, OutboxStore } from "../execution/ports.js";
import type { CompiledPolicy } from "../policies/compiledPolicy.js";

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
