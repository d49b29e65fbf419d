/**
 * The alumni contact log in PostgreSQL (table `alumni_contacts`, migration 0004). `record` runs
 * in one transaction holding an advisory lock for the customer (`pg_advisory_xact_lock`, keyed
 * by ALUMNI_LOCK and the customer id's hash): the count under the cap and the insert happen with
 * no other recording of that customer in between, whichever instance it runs on. A hash collision
 * between two customers only makes them wait for each other.
 */
import {
  AlumniContact,
  type AlumniContactLog,
  type ContactCap,
  type RecordOutcome,
} from "../../insights/alumniPorts.js";
import type { Database } from "./database.js";

/** The first key of the alumni advisory locks (the migrations use a single-key lock). */
export const ALUMNI_LOCK = 72_630_414;

interface Row {
  id: string;
  customer_id: string;
  at: Date;
  channel: string;
  campaign: string | null;
  recorded_at: Date;
}

function contactOf(row: Row): AlumniContact {
  return AlumniContact.parse({
    id: row.id,
    customerId: row.customer_id,
    at: row.at.toISOString(),
    channel: row.channel,
    ...(row.campaign !== null ? { campaign: row.campaign } : {}),
    recordedAt: row.recorded_at.toISOString(),
  });
}

export class PgAlumniContacts implements AlumniContactLog {
  constructor(private readonly db: Database) {}

  async list(customerId: string): Promise<AlumniContact[]> {
    const { rows } = await this.db.query<Row>(
      "reading alumni contacts",
      "SELECT id, customer_id, at, channel, campaign, recorded_at FROM alumni_contacts WHERE customer_id = $1 ORDER BY at, recorded_at, id",
      [customerId],
    );
    return rows.map(contactOf);
  }

  record(contact: AlumniContact, cap: ContactCap): Promise<RecordOutcome> {
    return this.db.transaction("recording an alumni contact", async (client) => {
      await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [ALUMNI_LOCK, contact.customerId]);
      const { rows } = await client.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM alumni_contacts WHERE customer_id = $1 AND at >= $2",
        [contact.customerId, cap.since],
      );
      const used = rows[0]?.n ?? 0;
      if (used >= cap.max) return { recorded: false, contactsUsed: used };
      await client.query(
        "INSERT INTO alumni_contacts (id, customer_id, at, channel, campaign, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)",
        [
          contact.id,
          contact.customerId,
          contact.at,
          contact.channel,
          contact.campaign ?? null,
          contact.recordedAt,
        ],
      );
      return { recorded: true, contactsUsed: used + 1 };
    });
  }
}
