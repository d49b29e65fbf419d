/**
 * The alumni contact log: every contact a marketing tool made (or is about to make) with a
 * former customer, recorded through `POST /api/alumni/:customerId/contact`. Append-only; the
 * policy's cap (`alumni.maxContacts`) is enforced by the log itself, atomically, so two
 * instances (or two requests at once) never both take the last allowed contact.
 *
 * Implementations: memory (`src/adapters/memory/memoryAlumniContacts.ts`), the embedded data
 * folder (`src/adapters/files/jsonlAlumniContacts.ts`, one JSON line a contact) and PostgreSQL
 * (`src/adapters/postgres/pgAlumniContacts.ts`, migration 0004). One contract suite runs against
 * all three (`test/contracts/alumniContactsContract.ts`).
 */
import { z } from "zod";
import { Channel, IsoDateTime } from "../domain/customer.js";

/** One recorded contact. No personal data: the customer id, when, how, and the campaign's name. */
export const AlumniContact = z.strictObject({
  /** Unique, chosen by the caller of `record` (a random id). */
  id: z.string().regex(/^[A-Za-z0-9_-]{6,64}$/, "expected an id of 6-64 letters, digits, - or _"),
  customerId: z.string().min(1),
  /** When the contact is (or was) made; ISO date-time in UTC (`toISOString`). */
  at: IsoDateTime,
  channel: Channel,
  /** The marketing campaign's name, as the tool calls it. */
  campaign: z.string().min(1).max(100).optional(),
  /** When FairExit recorded it. */
  recordedAt: IsoDateTime,
});
export type AlumniContact = z.infer<typeof AlumniContact>;

/** The cap a new contact must fit under: fewer than `max` contacts at or after `since` already. */
export interface ContactCap {
  max: number;
  /** ISO date-time; contacts before it (an earlier departure) do not count. */
  since: string;
}

export type RecordOutcome =
  | { recorded: true; contactsUsed: number }
  /** The cap was already reached: nothing was written. `contactsUsed` is what counts now. */
  | { recorded: false; contactsUsed: number };

export interface AlumniContactLog {
  /** The customer's contacts, oldest first. */
  list(customerId: string): Promise<AlumniContact[]>;
  /**
   * Records `contact` only if fewer than `cap.max` contacts of the same customer at or after
   * `cap.since` are recorded, checked and written as one step (no other `record` of the same
   * customer, in this process or another instance, runs in between).
   */
  record(contact: AlumniContact, cap: ContactCap): Promise<RecordOutcome>;
}

/** How many of `contacts` count against a cap counted from `since`. */
export function contactsSince(contacts: readonly AlumniContact[], since: string): number {
  const from = Date.parse(since);
  return contacts.filter((c) => Date.parse(c.at) >= from).length;
}
