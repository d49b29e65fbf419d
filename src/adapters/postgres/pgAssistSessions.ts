/**
 * Agent assist sessions in PostgreSQL (`assist_sessions`, one row a session), shared by every
 * instance. Every put announces the change with `NOTIFY fairexit_assist` in the same
 * transaction, payload `{"sessionId":…,"version":…}` only (no transcript, no customer data):
 * instances listening (assistNotifications.ts) load the session and show its new view.
 *
 * A put must raise the version (the desk bumps it on every change): one that does not, because
 * another instance saved the same session meanwhile, is refused as `StoreError("conflict")`
 * (HTTP 503, Retry-After 1; the retry reads the newer session) instead of overwriting it.
 */
import { z } from "zod";
import type { AssistSessionStore } from "../../assist/ports.js";
import type { AssistSession } from "../../assist/session.js";
import { StoreError } from "../../domain/ports.js";
import type { Database } from "./database.js";
import { readDocument } from "./jsonDocument.js";

/** The channel of assist session changes. */
export const ASSIST_CHANNEL = "fairexit_assist";

/** What a notification carries: which session, at which version. */
export const AssistChange = z.object({ sessionId: z.string().min(1), version: z.number().int() });
export type AssistChange = z.infer<typeof AssistChange>;

/** Enough of a session to know it is one; the engine wrote the rest and reads it back itself. */
const StoredSession = z.looseObject({
  schemaVersion: z.literal(1),
  sessionId: z.string().min(1),
  version: z.number().int(),
  status: z.enum(["awaiting_customer", "live", "ended"]),
});

export class PgAssistSessions implements AssistSessionStore {
  constructor(private readonly db: Database) {}

  async get(sessionId: string): Promise<AssistSession | undefined> {
    const { rows } = await this.db.query<{ session: string }>(
      "reading an assist session",
      "SELECT session FROM assist_sessions WHERE session_id = $1",
      [sessionId],
    );
    return rows[0] ? read(rows[0].session, sessionId) : undefined;
  }

  async put(session: AssistSession): Promise<void> {
    const change: AssistChange = { sessionId: session.sessionId, version: session.version };
    await this.db.transaction("saving an assist session", async (client) => {
      const saved = await client.query(
        `INSERT INTO assist_sessions (session_id, version, status, updated_at, session)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (session_id) DO UPDATE SET version = EXCLUDED.version, status = EXCLUDED.status,
           updated_at = EXCLUDED.updated_at, session = EXCLUDED.session
         WHERE assist_sessions.version < EXCLUDED.version`,
        [session.sessionId, session.version, session.status, session.updatedAt, JSON.stringify(session)],
      );
      if (saved.rowCount === 0)
        throw new StoreError(
          "conflict",
          `assist session ${JSON.stringify(session.sessionId)}: version ${session.version} was saved already (another instance got there first); try again`,
        );
      // Delivered to every listener when the transaction commits, never before.
      await client.query("SELECT pg_notify($1, $2)", [ASSIST_CHANNEL, JSON.stringify(change)]);
    });
  }

  async list(): Promise<AssistSession[]> {
    const { rows } = await this.db.query<{ session_id: string; session: string }>(
      "listing assist sessions",
      "SELECT session_id, session FROM assist_sessions ORDER BY updated_at, session_id",
    );
    return rows.map((r) => read(r.session, r.session_id));
  }

  async delete(sessionId: string): Promise<void> {
    await this.db.query("deleting an assist session", "DELETE FROM assist_sessions WHERE session_id = $1", [
      sessionId,
    ]);
  }
}

function read(text: string, sessionId: string): AssistSession {
  return readDocument<AssistSession>(StoredSession, text, `assist session ${JSON.stringify(sessionId)}`);
}
