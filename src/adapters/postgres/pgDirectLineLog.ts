/**
 * The Direct Line log in PostgreSQL, shared by every instance: a Web Chat client may post to one
 * instance and poll another. Activities are numbered under a row lock on their conversation, so
 * two instances appending at once never give two activities one number; each append keeps the
 * newest MAX_ACTIVITIES and at most MAX_LOG_BYTES, like the log in memory. Logs idle for longer
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

  append(
    conversationId: string,
    activities: readonly UnnumberedActivity[],
    nowMs: number,
  ): Promise<DirectLineActivity[]> {
    return this.db.transaction("appending Direct Line activities", async (client) => {
      // A conversation this log does not know (started before a restart of the memory log, or
      // dropped when idle) gets a fresh log, as in memory.
      await client.query(
        `INSERT INTO directline_conversations (conversation_id, opening_shown, last_used) VALUES ($1, false, $2)
         ON CONFLICT (conversation_id) DO NOTHING`,
        [conversationId, at(nowMs)],
      );
      const locked = await client.query<{ next_seq: number }>(
        "SELECT next_seq FROM directline_conversations WHERE conversation_id = $1 FOR UPDATE",
        [conversationId],
      );
      let seq = locked.rows[0]!.next_seq;
      const stored: DirectLineActivity[] = [];
      for (const activity of activities) {
        const numbered = { ...activity, id: activityId(conversationId, seq) };
        const json = JSON.stringify(numbered);
        await client.query(
          "INSERT INTO directline_activities (conversation_id, seq, bytes, activity) VALUES ($1, $2, $3, $4)",
          [conversationId, seq, json.length, json],
        );
        stored.push(numbered);
        seq++;
      }
      await client.query(
        "UPDATE directline_conversations SET next_seq = $2, last_used = $3 WHERE conversation_id = $1",
        [conversationId, seq, at(nowMs)],
      );
      // The newest always stays; older ones go beyond the count or the bytes.
      await client.query(
        `DELETE FROM directline_activities d USING (
           SELECT seq FROM (
             SELECT seq, row_number() OVER newest AS n, sum(bytes) OVER newest AS tail_bytes
             FROM directline_activities WHERE conversation_id = $1
             WINDOW newest AS (ORDER BY seq DESC)
           ) t WHERE t.n > 1 AND (t.n > $2 OR t.tail_bytes > $3)
         ) old
         WHERE d.conversation_id = $1 AND d.seq = old.seq`,
        [conversationId, MAX_ACTIVITIES, MAX_LOG_BYTES],
      );
      return stored;
    });
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
    const r = await this.db.query<{ activity: string }>(
      "reading Direct Line activities",
      `SELECT activity FROM directline_activities WHERE conversation_id = $1 AND seq >= $2
       ORDER BY seq LIMIT $3`,
      [conversationId, from, ACTIVITIES_PAGE],
    );
    const activities = r.rows.map((x) => JSON.parse(x.activity) as DirectLineActivity);
    return { activities, watermark: String(from + activities.length) };
  }
}
