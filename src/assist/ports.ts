/**
 * What the assist desk needs from the outside, passed in by the composition root (src/app.ts).
 */
import type { AuditKind } from "../domain/auditEntry.js";
import type { Llm } from "../domain/llm.js";
import type { Logger } from "../domain/logger.js";
import type { Clock, CustomerStore } from "../domain/ports.js";
import type { LoadedSpeechModel } from "../guardrails/index.js";
import type { CompiledPolicy } from "../policies/index.js";
import type { LlmFollowUpOptions } from "./llmFollowUps.js";
import type { AssistSession } from "./session.js";

/**
 * Where sessions are kept between utterances. Memory now (`MemoryAssistSessions`); PostgreSQL
 * later (issue 18) implements the same four methods.
 */
export interface AssistSessionStore {
  get(sessionId: string): Promise<AssistSession | undefined>;
  /** Inserts or replaces; a store may evict ended sessions (oldest first) to stay within its bound. */
  put(session: AssistSession): Promise<void>;
  list(): Promise<AssistSession[]>;
  delete(sessionId: string): Promise<void>;
}

/** Appends an audit entry; `AuditTrail` (src/audit) fits as it is (it masks and stamps the time). */
export interface AssistAudit {
  record(conversationId: string, kind: AuditKind, data: Record<string, unknown>): Promise<unknown>;
}

export interface AssistDeskDeps {
  /** The customer records and the coverage (the same store the bot reads). */
  customers: CustomerStore;
  /** The policy in force (the holder reloads it when supervisors edit the files). */
  policy: () => CompiledPolicy;
  clock: Clock;
  audit: AssistAudit;
  /**
   * The learned tone model for agent speech (`policies/tone/speech-model.json`), read by the
   * composition root; absent: the speech patterns alone.
   */
  speechModel?: LoadedSpeechModel | undefined;
  /** Default: in memory, at most `maxSessions`. */
  sessions?: AssistSessionStore;
  /** Bound of the default memory store (default 5,000 sessions). */
  maxSessions?: number;
  logger?: Logger;
  /**
   * The LLM, when one is configured: its judge (`judgeTone`) adds `llm_judge` alerts and its
   * `summarise` fills `view.summary`, both in the background (llmFollowUps.ts). Absent: neither.
   */
  llm?: Llm | undefined;
  /** Time budgets and how often to summarise (defaults: judge 2 s, summary 5 s, every 5 finals). */
  llmFollowUps?: LlmFollowUpOptions;
}
