/**
 * Ports of the execution layer: where actions go (Operations), how the customer is told
 * (Notifier), and where the outbox is kept (OutboxStore).
 */
import type { PlannedAction } from "../domain/decision.js";
import type { CommitResult, ConfirmedCancellation, StoredCancellation } from "./confirmedCancellation.js";
import type { NewOutboxItem, OutboxItem } from "./outboxItem.js";

/** What an operation returned: ids and values the receipt and later steps need. */
export type ActionResult = Record<string, unknown>;

/** The company's back-office: the embedded implementation records into the store, the webhook one POSTs. */
export interface Operations {
  /** Executes one planned action. Must be idempotent on `action.idempotencyKey`. */
  execute(action: PlannedAction): Promise<ActionResult>;
}

export interface OutgoingMessage {
  channel: "email" | "sms";
  /** Customer id; the notifier looks up the address, so it never travels in the outbox. */
  customerId: string;
  subject?: string;
  body: string;
  idempotencyKey: string;
}

/**
 * Where operations answered in process (no back office) record each action's result, once per
 * idempotency key, so a retry is answered the same (memory, JSON Lines or PostgreSQL).
 */
export interface OperationsJournal {
  get(key: string): Promise<ActionResult | undefined>;
  put(key: string, action: PlannedAction, result: ActionResult): Promise<void>;
}

export interface Notifier {
  send(message: OutgoingMessage): Promise<ActionResult>;
}

export interface OutboxStore {
  /** Records an item; returns the stored one (the earlier one when the id already exists). */
  enqueue(item: NewOutboxItem, now: Date): Promise<OutboxItem>;
  /** Pending items whose due time and next attempt time have come, oldest first (optionally of one conversation). */
  due(now: Date, filter?: { conversationId?: string }): Promise<OutboxItem[]>;
  markDelivered(id: string, result: ActionResult, at: Date): Promise<void>;
  markAttemptFailed(id: string, error: string, at: Date): Promise<void>;
  list(filter?: { status?: OutboxItem["status"]; conversationId?: string }): Promise<OutboxItem[]>;
  /** The item with this id (an action's idempotency key), whichever conversation recorded it. */
  get(id: string): Promise<OutboxItem | undefined>;
  /**
   * Records a confirmed cancellation and its items in one write, before any is delivered: the
   * record that execution started. Refused (nothing written) when the conversation or any of
   * its services already has a confirmed cancellation; the earlier one is returned instead.
   */
  commit(
    cancellation: ConfirmedCancellation,
    items: readonly NewOutboxItem[],
    now: Date,
  ): Promise<CommitResult>;
  /** Notes that the conversation and the audit log now show the cancellation of this conversation. */
  markRecorded(conversationId: string, at: Date): Promise<void>;
  cancellationOf(conversationId: string): Promise<StoredCancellation | undefined>;
  /** Confirmed cancellations that end any of these services, one per cancellation. */
  cancellationsOfServices(serviceIds: readonly string[]): Promise<StoredCancellation[]>;
  /** Confirmed cancellations the conversation or the audit log may not show yet (a crash came first). */
  unrecorded(): Promise<StoredCancellation[]>;
}
