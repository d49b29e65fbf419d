/**
 * The ports the core depends on. Adapters implement them (memory, lowdb, PostgreSQL …);
 * the composition root (`src/app.ts`) chooses which. A contract suite in
 * `test/contracts/` runs against every implementation.
 */

import type { AuditEntry, AuditRecord, ChainProblem } from "./auditEntry.js";
import type { Conversation, ConversationSummary, Turn } from "./conversation.js";
import type { Coverage, Customer } from "./customer.js";

/** Where time comes from. Tests and demos pass a fixed or started-at clock. */
export interface Clock {
  now(): Date;
}

export interface CustomerStore {
  get(id: string): Promise<Customer | undefined>;
  findByAccountNumber(accountNumber: string): Promise<Customer | undefined>;
  list(): Promise<Customer[]>;
  count(): Promise<number>;
  /**
   * Inserts or replaces customers by id, all or nothing: when the write fails, what was
   * stored before is unchanged.
   */
  upsertMany(customers: readonly Customer[]): Promise<void>;
  coverage(): Promise<Coverage>;
  setCoverage(coverage: Coverage): Promise<void>;
}

export interface ConversationChanges {
  customerId?: string;
}

export interface ConversationStore {
  /** Creates a conversation; fails with `StoreError("conflict")` when the id exists. */
  create(conversation: Conversation): Promise<void>;
  get(id: string): Promise<Conversation | undefined>;
  /**
   * Appends one turn and replaces the engine state in one write. Costs the same however
   * many conversations are stored. Fails with `StoreError("conflict")` when `turn.seq` is not
   * the next position (another writer got there first) and `StoreError("not_found")` when
   * the conversation does not exist. `changes.customerId` records who the customer turned
   * out to be once identified.
   */
  appendTurn(
    id: string,
    turn: Turn,
    state: Conversation["state"],
    changes?: ConversationChanges,
  ): Promise<void>;
  /** Appends several consecutive turns (a message and its replies) and the state in one write. */
  appendTurns(
    id: string,
    turns: readonly Turn[],
    state: Conversation["state"],
    changes?: ConversationChanges,
  ): Promise<void>;
  list(filter?: { customerId?: string }): Promise<ConversationSummary[]>;
  count(): Promise<number>;
}

/** The append-only, hash-chained audit trail. */
export interface AuditLog {
  /** Appends one record after the last entry; returns the chained entry. */
  append(record: AuditRecord): Promise<AuditEntry>;
  /**
   * Appends records in order, each chained to the one before, in one write: a turn's entries
   * are stored together or not at all. Returns the chained entries.
   */
  appendAll(records: readonly AuditRecord[]): Promise<AuditEntry[]>;
  /** Entries in order, optionally of one conversation. */
  read(filter?: { conversationId?: string }): Promise<AuditEntry[]>;
  /** Recomputes the whole chain; empty when nothing was edited or deleted. */
  verify(): Promise<ChainProblem[]>;
}

/** Everything stored, behind one handle the composition root opens and closes. */
export interface Store {
  readonly kind: string;
  readonly customers: CustomerStore;
  readonly conversations: ConversationStore;
  readonly audit: AuditLog;
  /** Writes anything pending and releases files or connections. */
  close(): Promise<void>;
}

export type StoreErrorCode = "conflict" | "not_found" | "invalid_data" | "unsupported_version";

/** A store failure callers can act on by `code`. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "StoreError";
  }
}
