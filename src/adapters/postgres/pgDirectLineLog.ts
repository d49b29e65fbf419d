/**
 * The Direct Line log in PostgreSQL, shared by every instance: a Web Chat client may post to one
 * instance and poll another. Activities are numbered under a row lock on their conversation, so
 * two instances appending at once never give two activities one number; each append (one
 * statement) keeps the newest MAX_ACTIVITIES and at most MAX_LOG_BYTES, like the log in memory. Logs idle for longer
 * than `idleMs` are deleted, a few at a time, when a conversation starts.
 */
import {
  ACTIVITIES_PAGE,
  activityId,
  type DirectLineActivity,
  type DirectLineLog,
  type DirectLinePage,
  type DirectLineStart,
  MAX_ACTIVITIES,
  MAX_LOG_BYTES,
  pageStart,
  type UnnumberedActivity,
} from "../../channels/directLine/directLineLog.js";
import type { Database } from "./database.js";

const at = (ms: number) => new Date(ms).toISOString();

export class PgDirectLineLog implements DirectLineLog {
  constructor(
    private readonly db: Database,
    private readonly idleMs = 2 * 60 * 60_000,
  ) {}

  async start(conversationId: string, openingShown: boolean, nowMs: number): Promise<DirectLineStart> {
    await this.db.query(
      "dropping idle Direct Line logs",
      `DELETE FROM directline_conversations WHERE conversation_id IN (
         SELECT conversation_id FROM directline_conversations WHERE last_used < $1 LIMIT 100)`,
      [at(nowMs - this.idleMs)],
    );
    const inserted = await this.db.query<{ opening_shown: boolean }>(
      "starting a Direct Line conversation",
      `INSERT INTO directline_conversations (conversation_id, opening_shown, last_used) VALUES ($1, $2, $3)
       ON CONFLICT (conversation_id) DO NOTHING RETURNING opening_shown`,
      [conversationId, openingShown, at(nowMs)],
    );
    if (inserted.rowCount === 1) return { first: true, openingShown };
    return { first: false, openingShown: await this.openingShown(conversationId) };
  }

  async openingShown(conversationId: string): Promise<boolean> {
    const r = await this.db.query<{ opening_shown: boolean }>(
      "reading a Direct Line conversation",
      "SELECT opening_shown FROM directline_conversations WHERE conversation_id = $1",
      [conversationId],
    );
    return r.rows[0]?.opening_shown ?? false;
  }

  /**
   * One statement, so one round trip and no transaction held open across round trips: the
   * conversation row is created or moved on (its row lock numbers the activities, so two
   * instances appending at once never give two activities one number), the activities are
   * inserted with their numbers, and what falls beyond the newest MAX_ACTIVITIES or MAX_LOG_BYTES
   * (the new ones counted) is deleted; the newest always stays. An activity is stored without its
   * id, which is its number's (`page` puts it back).
   */
  async append(
    conversationId: string,
    activities: readonly UnnumberedActivity[],
    nowMs: number,
  ): Promise<DirectLineActivity[]> {
    if (activities.length === 0) return [];
    const texts = activities.map((a) => JSON.stringify(a));
    const r = await this.db.query<{ first_seq: number }>(
      "appending Direct Line activities",
      `WITH conv AS (
         INSERT INTO directline_conversations AS c (conversation_id, opening_shown, next_seq, last_used)
         VALUES ($1, false, cardinality($3::int[]), $2)
         ON CONFLICT (conversation_id) DO UPDATE
           SET next_seq = c.next_seq + cardinality($3::int[]), last_used = EXCLUDED.last_used
         RETURNING next_seq - cardinality($3::int[]) AS first_seq
       ), fresh AS (
         SELECT conv.first_seq + a.ord::int - 1 AS seq, a.bytes, a.activity
         FROM conv, unnest($3::int[], $4::text[]) WITH ORDINALITY AS a (bytes, activity, ord)
       ), ranked AS (
         SELECT seq, is_new, row_number() OVER newest AS n, sum(bytes) OVER newest AS tail_bytes
         FROM (
           SELECT seq, bytes, false AS is_new FROM directline_activities WHERE conversation_id = $1
           UNION ALL SELECT seq, bytes, true FROM fresh
         ) everything
         WINDOW newest AS (ORDER BY seq DESC)
       ), beyond AS (
         SELECT seq, is_new FROM ranked WHERE n > 1 AND (n > $5 OR tail_bytes > $6)
       ), inserted AS (
         INSERT INTO directline_activities (conversation_id, seq, bytes, activity)
         SELECT $1, f.seq, f.bytes, f.activity FROM fresh f
         WHERE NOT EXISTS (SELECT 1 FROM beyond b WHERE b.seq = f.seq)
       ), dropped AS (
         DELETE FROM directline_activities d
         WHERE d.conversation_id = $1 AND d.seq IN (SELECT seq FROM beyond WHERE NOT is_new)
       )
       SELECT first_seq FROM conv`,
      [conversationId, at(nowMs), texts.map((t) => t.length), texts, MAX_ACTIVITIES, MAX_LOG_BYTES],
    );
    const first = r.rows[0]!.first_seq;
    return activities.map((a, i) => ({ ...a, id: activityId(conversationId, first + i) }));
  }

  async page(conversationId: string, watermark: string | undefined, nowMs: number): Promise<DirectLinePage> {
    const bounds = await this.db.query<{ next_seq: number; first: number | null }>(
      "reading a Direct Line log",
      `UPDATE directline_conversations c SET last_used = $2 WHERE conversation_id = $1
       RETURNING next_seq, (SELECT min(seq) FROM directline_activities a WHERE a.conversation_id = $1) AS first`,
      [conversationId, at(nowMs)],
    );
    const row = bounds.rows[0];
    if (!row) return { activities: [], watermark: "0" };
    const from = pageStart(row.first ?? row.next_seq, row.next_seq, watermark);
    const r = await this.db.query<{ seq: number; activity: string }>(
      "reading Direct Line activities",
      `SELECT seq, activity FROM directline_activities WHERE conversation_id = $1 AND seq >= $2
       ORDER BY seq LIMIT $3`,
      [conversationId, from, ACTIVITIES_PAGE],
    );
    const activities = r.rows.map(
      (x): DirectLineActivity => ({
        ...(JSON.parse(x.activity) as UnnumberedActivity),
        id: activityId(conversationId, x.seq),
      }),
    );
    return { activities, watermark: String(from + activities.length) };
  }
}
