/**
 * What every implementation of the state several instances must share keeps (memory for one
 * instance, PostgreSQL for many), seen through two handles on the same storage (two instances):
 *   - one-time tokens: a nonce is redeemed once, on whichever instance, however many try at once;
 *   - rate buckets: `perMinute` requests a minute for one key, counted over both instances
 *     together once they have synced, the next one told how many seconds to wait; a burst within
 *     one sync interval bounded; other keys and limits unaffected.
 */
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import type { OneTimeTokens } from "../../src/domain/oneTimeTokens.js";
import type { RateBucketStore } from "../../src/domain/rateBuckets.js";

const fresh = () => randomBytes(18).toString("base64url");
const inMinutes = (m: number) => new Date(Date.now() + m * 60_000);

/** Two handles on one storage of redeemed tokens: instance A and instance B. */
export function oneTimeTokensContract(open: () => Promise<[OneTimeTokens, OneTimeTokens]>): void {
  it("redeems a nonce once, then refuses it on either instance", async () => {
    const [a, b] = await open();
    const nonce = fresh();
    expect(await a.redeem(nonce, inMinutes(15))).toBe(true);
    expect(await a.redeem(nonce, inMinutes(15))).toBe(false);
    expect(await b.redeem(nonce, inMinutes(15))).toBe(false);
  });

  it("redeems each nonce on its own", async () => {
    const [a, b] = await open();
    expect(await b.redeem(fresh(), inMinutes(15))).toBe(true);
    expect(await a.redeem(fresh(), inMinutes(15))).toBe(true);
  });

  it("lets exactly one of 20 simultaneous redemptions across both instances through", async () => {
    const [a, b] = await open();
    const nonce = fresh();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).redeem(nonce, inMinutes(15))),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
  });
}

/**
 * Two handles on one storage of rate buckets: instance A and instance B. Each decides at once
 * from what it knows; `sync()` on both (twice, so each has seen the other's) stands for the
 * background sync between requests. `overshoot`: how many more than N a burst on both instances
 * within one interval may get through (0 for one instance; N for two instances syncing, each
 * deciding alone from its own bucket until the next sync).
 */
export function rateBucketsContract(
  open: () => Promise<[RateBucketStore, RateBucketStore]>,
  { overshoot }: { overshoot: (perMinute: number) => number },
): void {
  const synced = async (a: RateBucketStore, b: RateBucketStore) => {
    for (const store of [a, b, a, b]) await store.sync();
  };

  it("allows N a minute for one key across both instances together, then says how long to wait", async () => {
    const [onA, onB] = await open();
    const [a, b] = [onA.limit("client", 4), onB.limit("client", 4)];
    const key = `203.0.113.${fresh()}`;
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push((i % 2 === 0 ? a : b).take(key));
      await synced(onA, onB);
    }
    expect(answers.slice(0, 4)).toEqual([0, 0, 0, 0]);
    // one request comes back every 15 s at 4 a minute
    expect(answers[4]).toBeGreaterThanOrEqual(1);
    expect(answers[4]).toBeLessThanOrEqual(15);
    expect(a.take(key)).toBeGreaterThanOrEqual(1);
  });

  it("counts each key and each limit on its own", async () => {
    const [onA, onB] = await open();
    const key = fresh();
    const client = onA.limit("client", 1);
    expect(client.take(key)).toBe(0);
    await synced(onA, onB);
    expect(client.take(key)).toBeGreaterThan(0);
    expect(client.take(fresh())).toBe(0);
    expect(onB.limit("token-minting", 1).take(key)).toBe(0);
  });

  it("bounds a burst on both instances within one interval, and refuses on both once synced", async () => {
    const [onA, onB] = await open();
    const [a, b] = [onA.limit("conversation", 5), onB.limit("conversation", 5)];
    const key = fresh();
    const answers = Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).take(key));
    const allowed = answers.filter((s) => s === 0).length;
    expect(allowed).toBeGreaterThanOrEqual(5);
    expect(allowed).toBeLessThanOrEqual(5 + overshoot(5));
    await synced(onA, onB);
    expect(a.take(key)).toBeGreaterThan(0);
    expect(b.take(key)).toBeGreaterThan(0);
  });
}
