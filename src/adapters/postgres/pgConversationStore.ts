/**
 * Conversations in PostgreSQL: a row per conversation (state, customer, turn count) and a row
 * per turn, so appending costs the same however long the conversation is. The turn count is the
 * conversation's version: turns are appended only where the first of them is the next position,
 * in the same statement that moves the count on, so of two instances writing one conversation
 * at once exactly one succeeds and the other gets `StoreError("conflict")` (never an overwrite).
 */
import { Conversation, type ConversationSummary, Turn } from "../../domain/conversation.js";
import { deepFreeze } from "../../domain/deepFreeze.js";
import { type ConversationChanges, type ConversationStore, StoreError } from "../../domain/ports.js";
import type { Database, Queryable } from "./database.js";
import { readDocument } from "./jsonDocument.js";

interface ConversationRow {
  id: string;
  customer_id: string | null;
  channel: string;
  started_at: string;
  updated_at: string;
  turn_count: number;
}

const summary = (r: ConversationRow): ConversationSummary => ({
  id: r.id,
  ...(r.customer_id === null ? {} : { customerId: r.customer_id }),
  channel: r.channel,
  startedAt: r.started_at,
  updatedAt: r.updated_at,
  turnCount: r.turn_count,
});

export class PgConversationStore implements ConversationStore {
  constructor(private readonly db: Database) {}

  async create(conversation: Conversation) {
    const c = conversation;
    await this.db
      .transaction("creating a conversation", async (client) => {
        await client.query(
          `INSERT INTO conversations (id, customer_id, channel, started_at, updated_at, state, turn_count)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            c.id,
            c.customerId ?? null,
            c.channel,
            c.startedAt,
            c.updatedAt,
            JSON.stringify(c.state),
            c.turns.length,
          ],
        );
        if (c.turns.length > 0) await insertTurns(client, c.id, c.turns);
      })
      .catch((e: unknown) => {
        if (e instanceof StoreError && e.code === "conflict")
          throw new StoreError("conflict", `conversation ${c.id} exists`);
        throw e;
      });
  }

  async get(id: string) {
    const { rows } = await this.db.query<ConversationRow & { state: string; turns: string }>(
      "reading a conversation",
      `SELECT c.*, (SELECT '[' || coalesce(string_agg(t.turn, ',' ORDER BY t.seq), '') || ']'
                      FROM conversation_turns t WHERE t.conversation_id = c.id) AS turns
         FROM conversations c WHERE c.id = $1`,
      [id],
    );
    const r = rows[0];
    if (!r) return undefined;
    const state = readDocument<Conversation["state"]>(
      Conversation.shape.state,
      r.state,
      `conversation ${id}: state`,
    );
    const turns = readDocument<Turn[]>(Turn.array(), r.turns, `conversation ${id}: turns`);
    const { turnCount: _count, ...rest } = summary(r);
    return deepFreeze({ ...rest, state, turns }) as Conversation;
  }

  async appendTurn(id: string, turn: Turn, state: Conversation["state"], changes: ConversationChanges = {}) {
    await this.appendTurns(id, [turn], state, changes);
  }

  async appendTurns(
    id: string,
    turns: readonly Turn[],
    state: Conversation["state"],
    changes: ConversationChanges = {},
  ) {
    const first = turns[0]?.seq;
    turns.forEach((t, i) => {
      if (first !== undefined && t.seq !== first + i)
        throw new StoreError("conflict", `conversation ${id}: turn seq ${t.seq}, expected ${first + i}`);
    });
    await this.db.transaction("appending turns", async (client) => {
      const moved = await client.query(
        `UPDATE conversations
              SET state = $2, turn_count = turn_count + $3, customer_id = coalesce($4, customer_id),
                  updated_at = coalesce($5, updated_at)
            WHERE id = $1 AND ($6::int IS NULL OR turn_count = $6)`,
        [
          id,
          JSON.stringify(state),
          turns.length,
          changes.customerId ?? null,
          turns.at(-1)?.at ?? null,
          first ?? null,
        ],
      );
      if (moved.rowCount === 0) {
        const found = await client.query<{ turn_count: number }>(
          "SELECT turn_count FROM conversations WHERE id = $1",
          [id],
        );
        const at = found.rows[0];
        if (!at) throw new StoreError("not_found", `conversation ${id} not found`);
        throw new StoreError("conflict", `conversation ${id}: turn seq ${first}, expected ${at.turn_count}`);
      }
      if (turns.length > 0) await insertTurns(client, id, turns);
    });
  }

  async list(filter: { customerId?: string } = {}) {
    const { rows } = await this.db.query<ConversationRow>(
      "listing conversations",
      `SELECT id, customer_id, channel, started_at, updated_at, turn_count FROM conversations
        WHERE $1::text IS NULL OR customer_id = $1 ORDER BY created`,
      [filter.customerId ?? null],
    );
    return rows.map((r) => deepFreeze(summary(r)));
  }

  async count() {
    const { rows } = await this.db.query<{ n: number }>(
      "counting conversations",
      "SELECT count(*)::int AS n FROM conversations",
    );
    return rows[0]?.n ?? 0;
  }
}

async function insertTurns(client: Queryable, id: string, turns: readonly Turn[]): Promise<void> {
  await client.query(
    `INSERT INTO conversation_turns (conversation_id, seq, turn)
     SELECT $1, * FROM unnest($2::int[], $3::text[])`,
    [id, turns.map((t) => t.seq), turns.map((t) => JSON.stringify(t))],
  );
}
