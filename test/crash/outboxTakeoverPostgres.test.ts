/**
 * kill -9 of an instance holding outbox claims, with real processes on one PostgreSQL database
 * and a 10-minute lease (FAIREXIT_OUTBOX_LEASE_MS), so that only liveness can free the claims in
 * the test's time. Instance A confirms a customer's cancellation and claims its actions; the
 * back-office webhook (a loopback receiver) leaves A's requests unanswered, so A holds its claims
 * (for three attempts of 10 s on its first item, before it would give that one back). Instance B, started beside it, dispatches while A is alive and leaves A's claims alone.
 * A is killed with SIGKILL: its liveness lock goes with its session, and B delivers what A held at
 * its next dispatch, long before the lease would run out, and each effect happens once (the
 * receiver applies each Idempotency-Key once; the receipt is sent once, after the actions).
 */
import pg from "pg";
import { expect, it } from "vitest";
import { INSTANCE_LOCK } from "../../src/adapters/postgres/instanceLiveness.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { createTestDatabase, describePostgres } from "../support/postgres.js";
import { startFairexit } from "../support/runFairexit.js";
import { startWebhookReceiver } from "../support/webhookReceiver.js";

const SECRET = "takeover-test-secret-0123456789abcdef";
const WEBHOOK_SECRET = "takeover-webhook-secret-0123456789";
/** Far longer than the test may take: a claim freed in time was freed by liveness, not by its lease. */
const LEASE_MS = 600_000;
const TIMEOUT_MS = 150_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Which instance made a webhook call: its URL paths are /ops-a/…, /notify-b/… */
const caller = (path: string) => path.match(/^\/(?:ops|notify)-([ab])\//)?.[1];

/** Polls `check` until it gives a value; the test's timeout bounds the wait. */
async function until<T>(check: () => Promise<T | undefined> | T | undefined): Promise<T> {
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    await sleep(100);
  }
}

interface ItemRow {
  id: string;
  status: string;
  claimed_by: string | null;
  lease_left_s: number | null;
  item: string;
}

describePostgres("kill -9 of an instance holding outbox claims, on PostgreSQL", () => {
  it(
    "a live instance's claims stay with it; a killed one's are delivered by another at once, each effect once",
    async () => {
      const receiver = await startWebhookReceiver(WEBHOOK_SECRET);
      receiver.hold = (path) => caller(path) === "a";
      const database = await createTestDatabase();
      const sql = new pg.Client({ connectionString: database.url });
      const env = (name: string) => ({
        PORT: "0",
        HOST: "127.0.0.1",
        LOG_LEVEL: "silent",
        DATABASE_URL: database.url,
        FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z",
        FAIREXIT_SECRET: SECRET,
        FAIREXIT_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // One receiver; the path says which instance called it.
        FAIREXIT_OPERATIONS_URL: `${receiver.url}/ops-${name}`,
        FAIREXIT_NOTIFY_URL: `${receiver.url}/notify-${name}`,
        FAIREXIT_OUTBOX_LEASE_MS: String(LEASE_MS),
      });
      const a = await startFairexit(env("a"));
      let b: Awaited<ReturnType<typeof startFairexit>> | undefined;
      try {
        await sql.connect();
        const items = async () =>
          (
            await sql.query<ItemRow>(
              `SELECT id, status, claimed_by, item,
                      extract(epoch FROM claimed_until - clock_timestamp())::int AS lease_left_s
                 FROM outbox_items ORDER BY enqueued`,
            )
          ).rows;
        const lockHeld = async (instanceId: string) =>
          (
            await sql.query(
              `SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 2
                  AND classid = $1::oid AND objid = hashtext($2)::oid`,
              [INSTANCE_LOCK, instanceId],
            )
          ).rowCount === 1;

        // A confirms; its webhook calls are held, so it keeps what it claimed.
        const chat = await DirectLineClient.anonymous(a.baseUrl);
        await chat.start();
        await chat.poll();
        for (const line of ["cancel my mobile, switching network", "UK318826", "M14 5RT", "yes", "continue"])
          await chat.says(line);
        expect(chat.seen.at(-1)?.text ?? "").toContain("Shall I go ahead and cancel?");
        const yes = chat.post({ type: "message", text: "yes" }).catch(() => undefined);
        const held = await until(() => receiver.received[0]);
        expect(caller(held.path)).toBe("a");
        const claimedByA = (await items()).filter((i) => i.claimed_by !== null && i.status === "pending");
        expect(claimedByA.map((i) => i.item)).toContainEqual(expect.stringContaining(held.key));
        const instanceA = claimedByA[0]!.claimed_by!;
        expect(new Set(claimedByA.map((i) => i.claimed_by))).toEqual(new Set([instanceA]));
        expect(Math.min(...claimedByA.map((i) => i.lease_left_s!))).toBeGreaterThan(300);
        expect(await lockHeld(instanceA)).toBe(true);

        // B starts beside a live A. A sentinel item, due and unclaimed, shows when one of B's
        // dispatches has run (at its start, or a tick later if A's dispatcher took the first one;
        // a dispatch claims all it may in one statement): A's claims were left to A.
        const template = JSON.parse(claimedByA.find((i) => JSON.parse(i.item).kind === "action")!.item);
        for (let n = 1; ; n++) {
          const id = `sentinel-${n}`;
          const sentinel = {
            ...template,
            id,
            conversationId: "conv-sentinel",
            payload: { ...template.payload, idempotencyKey: id },
          };
          delete sentinel.after;
          await sql.query(
            `INSERT INTO outbox_items (id, conversation_id, status, attempts, due_at, next_attempt_at, created_at, item)
             VALUES ($1, 'conv-sentinel', 'pending', 0, $2, $2, $3, $4)`,
            [id, sentinel.dueAt, sentinel.createdAt, JSON.stringify(sentinel)],
          );
          b ??= await startFairexit(env("b"));
          const delivered = await until(() => receiver.received.find((r) => r.key === id));
          if (caller(delivered.path) === "b") break; // else A's dispatcher got it first: again
        }
        const keyOf = (item: string) => {
          const i = JSON.parse(item);
          return String(i.payload.idempotencyKey ?? i.id);
        };
        const keysOfA = new Set(claimedByA.map((i) => keyOf(i.item)));
        for (const i of (await items()).filter((x) => claimedByA.some((c) => c.id === x.id)))
          expect([instanceA, null]).toContain(i.claimed_by); // null: A gave it back after its attempts
        expect(receiver.received.filter((r) => keysOfA.has(r.key) && caller(r.path) === "b")).toEqual([]);

        // kill -9: A's session ends, its lock with it; B takes over at its next dispatch.
        const killedAt = performance.now();
        a.child.kill("SIGKILL");
        await a.exited;
        await yes;
        await until(async () => !(await lockHeld(instanceA)));
        const done = await until(async () => {
          const now = await items();
          const open = now.filter((i) => i.status !== "delivered" && !i.id.startsWith("reminder"));
          return open.length === 0 ? now : undefined;
        });

        process.stdout.write(
          `outbox takeover after kill -9: delivered by the other instance ${((performance.now() - killedAt) / 1000).toFixed(1)} s after the kill (lease ${LEASE_MS / 1000} s)\n`,
        );
        // What A held was delivered by B, long before A's lease would have run out.
        expect(receiver.received.filter((r) => r.key === held.key).map((r) => caller(r.path))).toContain("b");
        // A never finished an attempt of it (it would have given the claim back after three): B
        // delivered it at its first attempt, taken over from A, not given back by it.
        const heldItem = done.find((i) => keyOf(i.item) === held.key)!;
        expect(JSON.parse(heldItem.item)).toMatchObject({ status: "delivered", attempts: 1 });
        const cancellation = done.filter((i) => !i.id.startsWith("sentinel") && !i.id.startsWith("reminder"));
        for (const i of cancellation) expect(i.status).toBe("delivered");
        // Each effect once: every key the receiver applied was applied once (a Map), and each
        // action and the receipt has its own key.
        const keys = cancellation.map((i) => keyOf(i.item));
        for (const key of keys) expect(receiver.applied.has(key), key).toBe(true);
        expect(new Set(keys).size).toBe(keys.length);
        const receipts = receiver.received.filter(
          (r) => r.path.startsWith("/notify") && JSON.stringify(r.body).includes("Your cancellation"),
        );
        expect(new Set(receipts.map((r) => r.key)).size).toBe(1);
        const receipt = done.find((i) => i.id === `receipt:${chat.session.conversationId}`);
        const receiptAt = JSON.parse(receipt!.item).deliveredAt;
        for (const i of cancellation.filter((x) => x !== receipt))
          expect(JSON.parse(i.item).deliveredAt <= receiptAt).toBe(true);
      } finally {
        a.child.kill("SIGKILL");
        b?.child.kill("SIGTERM");
        await Promise.all([a.exited, b?.exited]);
        await sql.end().catch(() => {});
        await receiver.close();
        await database.drop();
      }
    },
    TIMEOUT_MS,
  );
});
