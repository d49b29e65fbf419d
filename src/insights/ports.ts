/**
 * What the supervisors' insights read: the stored customers, the conversations and the audit
 * trail, behind one read-only port. Insights is pure (no files, no clock, no network): the
 * composition root (`src/app.ts`) and the CLI build an `InsightsSource` from the `Store` with
 * `insightsSourceOf(store)`; tests pass a fixture through `insightsSourceFrom(data)`.
 */
import type { AuditEntry } from "../domain/auditEntry.js";
import type { Conversation, ConversationSummary } from "../domain/conversation.js";
import type { Customer } from "../domain/customer.js";
import type { HandoverRecord } from "../domain/handover.js";
import type { Store } from "../domain/ports.js";

/** Read-only view of what a report, the at-risk score and the alumni register are computed from. */
export interface InsightsSource {
  /** Every stored customer, current and former (their services carry `status`). */
  customers(): Promise<Customer[]>;
  /** Every stored conversation, without turns (`conversation(id)` has them). */
  conversations(): Promise<ConversationSummary[]>;
  /** One conversation with its turns and engine state (`state.facts.reason`, `state.policyRevision` …). */
  conversation(id: string): Promise<Conversation | undefined>;
  /** The audit trail in order (bot entries and agent assist's `assist:<sessionId>` entries). */
  audit(): Promise<AuditEntry[]>;
  /**
   * Hand-over records, when the hand-over adapter can list them (absent otherwise: the report
   * then reads hand-overs and their reasons from the audit trail's `handover` entries alone).
   */
  handovers?(): Promise<HandoverRecord[]>;
}

/** The insights source over a `Store`: a thin, read-only view (no copy, no cache). */
export function insightsSourceOf(store: Store, handovers?: () => Promise<HandoverRecord[]>): InsightsSource {
  return {
    customers: () => store.customers.list(),
    conversations: () => store.conversations.list(),
    conversation: (id) => store.conversations.get(id),
    audit: () => store.audit.read(),
    ...(handovers ? { handovers } : {}),
  };
}

/** Everything an insights source serves, as plain data (fixtures, tests, exports). */
export interface InsightsData {
  customers: Customer[];
  conversations: Conversation[];
  audit: AuditEntry[];
  handovers?: HandoverRecord[];
}

/** An insights source over plain data (a fixture, an export read elsewhere). */
export function insightsSourceFrom(data: InsightsData): InsightsSource {
  const byId = new Map(data.conversations.map((c) => [c.id, c]));
  const handovers = data.handovers;
  return {
    customers: async () => data.customers,
    conversations: async () =>
      data.conversations.map(({ turns, state: _state, ...rest }) => ({ ...rest, turnCount: turns.length })),
    conversation: async (id) => byId.get(id),
    audit: async () => data.audit,
    ...(handovers ? { handovers: async () => handovers } : {}),
  };
}
