/**
 * Token buckets in this process's memory, one per key, at most `maxKeys` of them (the least
 * recently used is forgotten). Right and exact for one instance (the memory and embedded stores):
 * nothing to sync. Behind a load balancer each instance would count on its own, so with PostgreSQL
 * every instance keeps these as its local view and syncs them with shared buckets in the
 * background (postgres/pgRateBuckets.ts).
 */
import { type RateBucketStore, type RateBuckets, secondsUntilOneToken } from "../../domain/rateBuckets.js";

interface Bucket {
  tokens: number;
  updatedMs: number;
}

export class TokenBuckets implements RateBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly perMinute: number,
    private readonly now: () => number = () => performance.now(),
    private readonly maxKeys = 50_000,
  ) {}

  take(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return secondsUntilOneToken(bucket.tokens, this.perMinute);
  }

  /** Sets `key`'s bucket to `tokens` as of now (what the instances share, less what is not yet shared). */
  set(key: string, tokens: number): void {
    const bucket = this.refilled(key);
    bucket.tokens = Math.min(this.perMinute, tokens);
  }

  /** `key`'s bucket refilled up to now, made the most recently used. */
  private refilled(key: string): Bucket {
    const now = this.now();
    const known = this.buckets.get(key);
    const bucket = known ?? { tokens: this.perMinute, updatedMs: now };
    if (known) this.buckets.delete(key);
    else if (this.buckets.size >= this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    bucket.tokens = Math.min(
      this.perMinute,
      bucket.tokens + ((now - bucket.updatedMs) * this.perMinute) / 60_000,
    );
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    return bucket;
  }
}

/** Buckets in memory for every limit: one instance, so every answer is exact and sync has nothing to do. */
export function memoryRateBuckets(): RateBucketStore {
  const limits = new Map<string, TokenBuckets>();
  return {
    limit(name, perMinute) {
      const known = limits.get(name);
      if (known && known.perMinute !== perMinute)
        throw new Error(`rate limit ${name} is already ${known.perMinute} a minute, not ${perMinute}`);
      const buckets = known ?? new TokenBuckets(perMinute);
      limits.set(name, buckets);
      return buckets;
    },
    sync: async () => {},
    close: async () => {},
  };
}
