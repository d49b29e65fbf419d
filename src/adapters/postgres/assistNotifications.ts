/**
 * `LISTEN fairexit_assist` on one connection of the pool, held for as long as the instance runs:
 * every committed assist session change (pgAssistSessions) reaches `onChange` here, on every
 * instance, the writer's own included. A lost connection (PostgreSQL restarting) is opened again
 * after `retryMs`; changes announced while it was away are not replayed (the next change of the
 * session brings its latest view).
 */
import type pg from "pg";
import type { Logger } from "../../domain/logger.js";
import type { Database } from "./database.js";
import { ASSIST_CHANNEL, AssistChange } from "./pgAssistSessions.js";

export interface AssistChangeListener {
  close(): Promise<void>;
}

export async function listenForAssistChanges(
  db: Database,
  onChange: (change: AssistChange) => void,
  logger: Logger,
  retryMs = 1000,
): Promise<AssistChangeListener> {
  let closed = false;
  let client: pg.PoolClient | undefined;
  let timer: NodeJS.Timeout | undefined;

  const onNotification = (msg: pg.Notification) => {
    if (msg.channel !== ASSIST_CHANNEL || !msg.payload) return;
    let parsed: ReturnType<typeof AssistChange.safeParse>;
    try {
      parsed = AssistChange.safeParse(JSON.parse(msg.payload));
    } catch {
      parsed = AssistChange.safeParse(undefined);
    }
    if (parsed.success) onChange(parsed.data);
    else logger.warn({ channel: ASSIST_CHANNEL }, "assist notification ignored: not {sessionId, version}");
  };

  const lost = (c: pg.PoolClient, e?: Error) => {
    if (client !== c) return;
    client = undefined;
    c.removeListener("notification", onNotification);
    c.release(e ?? new Error("listener connection lost"));
    if (closed) return;
    logger.warn(
      { database: db.where, err: e?.message },
      "assist notifications lost; listening again shortly",
    );
    timer = setTimeout(() => void connect().catch(() => {}), retryMs);
    timer.unref();
  };

  async function connect(): Promise<void> {
    let c: pg.PoolClient;
    try {
      c = await db.pool.connect();
    } catch (e) {
      if (!closed) {
        timer = setTimeout(() => void connect().catch(() => {}), retryMs);
        timer.unref();
      }
      throw e;
    }
    client = c;
    c.on("notification", onNotification);
    c.on("error", (e) => lost(c, e));
    c.on("end", () => lost(c));
    try {
      await c.query(`LISTEN ${ASSIST_CHANNEL}`);
    } catch (e) {
      lost(c, e as Error);
      throw e;
    }
  }

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = undefined;
      if (c) {
        c.removeListener("notification", onNotification);
        await c.query(`UNLISTEN ${ASSIST_CHANNEL}`).catch(() => {});
        c.release();
      }
    },
  };
}
