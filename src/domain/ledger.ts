/**
 * The obligation ledger's record: which obligations were discharged by which message and
 * when, and which retention offers were made and declined. Saved in the conversation state
 * and carried by the hand-over record; the functions that read and extend it (the guardrail)
 * are in `src/guardrails/ledger.ts`.
 */
import { z } from "zod";
import { IsoDateTime } from "./customer.js";

const MessageRefFields = {
  /** The message (turn) id that did it. */
  messageId: z.string().min(1),
  /** The turn's position in the conversation, when known. */
  seq: z.number().int().nonnegative().optional(),
  /** When, as given by the caller (ISO date-time with offset). */
  at: IsoDateTime,
};

export const Discharge = z.strictObject({
  obligationId: z.string().min(1),
  ...MessageRefFields,
  /** `sha256:<hex>` of the message text (see `hashText`), so the record proves what was said. */
  textHash: z.string().optional(),
});
export type Discharge = z.infer<typeof Discharge>;

export const OfferRecord = z.strictObject({
  /** The `RetentionOffer.id` when the offer came from the Decision. */
  offerId: z.string().optional(),
  ...MessageRefFields,
});
export type OfferRecord = z.infer<typeof OfferRecord>;

/** Saved as part of the conversation state; `schemaVersion` changes only with a migration. */
export const Ledger = z.strictObject({
  schemaVersion: z.literal(1),
  discharges: z.array(Discharge),
  offers: z.array(OfferRecord),
  declines: z.array(OfferRecord),
});
export type Ledger = z.infer<typeof Ledger>;

export function emptyLedger(): Ledger {
  return { schemaVersion: 1, discharges: [], offers: [], declines: [] };
}
