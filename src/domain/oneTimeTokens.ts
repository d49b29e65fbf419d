/**
 * "This works once", remembered where every instance can see it: a login link's nonce is
 * redeemed at most once across all the instances that share the store, however many try at
 * the same moment. Adapters: memory (one process; the memory and embedded stores) and
 * PostgreSQL (every instance on one database).
 */
export interface OneTimeTokens {
  /**
   * Records `nonce` as redeemed, to be remembered until `expiresAt` (after which the token it
   * belongs to is refused for its age anyway). True only for the first redemption of `nonce`,
   * on any instance; false for every later one. Fails with an UnavailableError when the place
   * that remembers cannot be reached: the caller must refuse then, never let the token in.
   */
  redeem(nonce: string, expiresAt: Date): Promise<boolean>;
}
