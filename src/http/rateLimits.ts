/**
 * Rate limits for the routes anyone can call (Direct Line, POST /api/messages): token buckets
 * kept in this process's memory, one per key (a client address, a conversation). A bucket holds
 * up to `perMinute` requests and refills at `perMinute` a minute; an empty bucket answers 429
 * with `Retry-After` (whole seconds until one request is allowed again).
 *
 * One instance only: behind a load balancer each instance counts on its own, so the real limit
 * is the configured one times the number of instances (a shared limiter is a later change).
 */
import type { Request, Response } from "restify";

export interface RateLimitSettings {
  /** Requests a minute from one client address, over all limited routes. */
  perClient: number;
  /** Activities a minute into one conversation (Direct Line token or Bot Framework conversation). */
  perConversation: number;
  /** Direct Line tokens a minute minted for one client address. */
  tokensPerClient: number;
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token buckets by key, at most `maxKeys` of them (the least recently used is forgotten). */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 50_000,
  ) {}

  /** Takes one request from `key`'s bucket: 0 when allowed, else the seconds until it would be. */
  take(key: string): number {
    const now = this.now();
    const ratePerMs = this.perMinute / 60_000;
    const known = this.buckets.get(key);
    const bucket = known ?? { tokens: this.perMinute, updatedMs: now };
    if (known) this.buckets.delete(key);
    else if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    bucket.tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.updatedMs) * ratePerMs);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / ratePerMs / 1000));
  }
}

/** The limiters one server uses. */
export class RateLimits {
  readonly client: TokenBuckets;
  readonly conversation: TokenBuckets;
  readonly tokenMinting: TokenBuckets;

  constructor(settings: RateLimitSettings, now?: () => number) {
    this.client = new TokenBuckets(settings.perClient, now);
    this.conversation = new TokenBuckets(settings.perConversation, now);
    this.tokenMinting = new TokenBuckets(settings.tokensPerClient, now);
  }
}

/** A limit to check: the buckets, the key in them, and how the 429 message names it. */
export type RateCheck = readonly [buckets: TokenBuckets, key: string, what: string];

/**
 * Takes one request from each check's bucket in turn; on the first empty one answers 429
 * with Retry-After and returns false.
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
