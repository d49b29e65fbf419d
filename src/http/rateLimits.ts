/**
 * Rate limits for the routes anyone can call (Direct Line, POST /api/messages, assist sources,
 * the alumni API): token buckets, one per key (a client address, a conversation). A bucket holds
 * up to `perMinute` requests and refills at `perMinute` a minute; an empty bucket answers 429
 * with `Retry-After` (whole seconds until one request is allowed again).
 *
 * Every decision is made at once from buckets in this instance's memory: no I/O per request.
 * Where else they live is the composition root's choice (App.rateBuckets): with DATABASE_URL each
 * instance syncs its buckets with the others' through PostgreSQL every 250 ms, in one statement
 * for all its keys (src/adapters/postgres/pgRateBuckets.ts), so the configured limit holds behind
 * a load balancer, give or take what each instance admits in one interval (at most limit +
 * instances × requests in 250 ms); the memory and embedded stores (one instance) need no sync and
 * are exact (src/adapters/memory/memoryRateBuckets.ts).
 */
import type { Request, Response } from "restify";
import type { RateBucketStore, RateBuckets } from "../domain/rateBuckets.js";

export interface RateLimitSettings {
  /** Requests a minute from one client address, over all limited routes. */
  perClient: number;
  /** Activities a minute into one conversation (Direct Line token or Bot Framework conversation). */
  perConversation: number;
  /** Direct Line tokens a minute minted for one client address. */
  tokensPerClient: number;
}

/** The limiters one server uses. */
export class RateLimits {
  readonly client: RateBuckets;
  readonly conversation: RateBuckets;
  readonly tokenMinting: RateBuckets;

  constructor(settings: RateLimitSettings, buckets: RateBucketStore) {
    this.client = buckets.limit("client", settings.perClient);
    this.conversation = buckets.limit("conversation", settings.perConversation);
    this.tokenMinting = buckets.limit("token-minting", settings.tokensPerClient);
  }
}

/** A limit to check: the buckets, the key in them, and how the 429 message names it. */
export type RateCheck = readonly [buckets: RateBuckets, key: string, what: string];

/**
 * Takes one request from each check's bucket in turn, at once; on the first empty one answers
 * 429 with Retry-After and returns false.
 */
export function withinLimits(res: Response, checks: readonly RateCheck[]): boolean {
  for (const [buckets, key, what] of checks) {
    const retryAfter = buckets.take(key);
    if (retryAfter > 0) {
      res.header("retry-after", String(retryAfter));
      res.send(429, {
        error: { code: "TooManyRequests", message: `too many requests ${what}; retry after ${retryAfter} s` },
      });
      return false;
    }
  }
  return true;
}

/**
 * The client's address: the socket's peer, or the first X-Forwarded-For address when the
 * server runs behind a proxy it trusts (FAIREXIT_TRUST_PROXY), which sets that header itself.
 */
export function clientAddress(req: Request, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")[0]!
      .trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return req.socket.remoteAddress ?? "unknown";
}
