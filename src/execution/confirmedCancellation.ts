/**
 * A confirmed cancellation, as the outbox records it in the same write as its actions: the
 * record that execution started. Written before anything is delivered, so after any crash a
 * restarted server knows the customer confirmed, which services end when, and under which
 * reference. The conversation file and the audit log are brought up to date from it when a
 * crash came before they were written (`recorded` says they were).
 *
 * Holds ids, dates and amounts only: no name, phone number, email address or mandate reference.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";

export const ConfirmedCancellation = z.strictObject({
  conversationId: z.string().min(1),
  customerId: z.string().min(1),
  reference: z.string().min(1),
  confirmedAt: IsoDateTime,
  services: z.array(z.strictObject({ serviceId: z.string().min(1), endDate: z.string().min(1) })).min(1),
  /**
   * The customer's confirming words ("yes"), or "(confirmed)" when they may hold personal data
   * (see recoveredTurns): the transcript's customer turn when a crash came before it was written.
   */
  confirmationText: z.string().min(1).optional(),
  /** The outbox id of the receipt message (its body is completed with its actions' results). */
  receiptId: z.string().optional(),
  /** What the conversation's state becomes (executedAt, reference, stage …). */
  state: z.record(z.string(), z.unknown()),
  /** The audit records of the confirmation, for the audit log when a crash came first. */
  audit: z.array(z.strictObject({ kind: z.string(), data: z.record(z.string(), z.unknown()) })),
});
export type ConfirmedCancellation = z.infer<typeof ConfirmedCancellation>;

/** A confirmed cancellation and whether the conversation and the audit log show it yet. */
export type StoredCancellation = ConfirmedCancellation & { recorded: boolean };

/** What committing returns: committed, or the earlier cancellation of one of the same services. */
export type CommitResult =
  | { committed: true; cancellation: StoredCancellation }
  | { committed: false; existing: StoredCancellation };
