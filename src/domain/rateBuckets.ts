/**
 * Token buckets for rate limits, one per key (a client address, a conversation). A bucket holds
 * up to `perMinute` requests and refills at `perMinute` a minute. Adapters: memory (one process,
 * for the memory and embedded stores) and PostgreSQL (every instance decides from buckets in its
 * own memory and syncs them with one shared bucket per key in the background, so the limit holds
 * behind a load balancer without a statement per request).
 */
export interface RateBuckets {
  /**
   * Takes one request from `key`'s bucket, at once (no I/O): 0 when allowed, else the whole
   * seconds until it would be.
   */
  take(key: string): number;
}

/** Every limit's buckets in one place: in memory for one instance, shared for several. */
export interface RateBucketStore {
  /**
   * The buckets of one named limit (`client`, `conversation`, `token-minting`), `perMinute` each;
   * asked twice for the same limit, the same buckets.
   */
  limit(name: string, perMinute: number): RateBuckets;
  /**
   * Brings this instance's buckets in line with the other instances' now, instead of at the next
   * background sync (nothing to do with one instance). Never rejects.
   */
  sync(): Promise<void>;
  /** Stops syncing in the background, once a sync in flight has finished. */
  close(): Promise<void>;
}

/** Seconds (at least 1) until a bucket holding `tokens` reaches 1 again at `perMinute` a minute. */
export function secondsUntilOneToken(tokens: number, perMinute: number): number {
  return Math.max(1, Math.ceil(((1 - tokens) * 60) / perMinute));
}
