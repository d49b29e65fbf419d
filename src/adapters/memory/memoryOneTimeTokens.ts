/**
 * One-time tokens remembered in this process's memory: right for one instance (the memory and
 * embedded stores). Several instances need the shared one (postgres/pgOneTimeTokens.ts), or a
 * link could be redeemed once on each. Entries go when their token has expired.
 */
import type { OneTimeTokens } from "../../domain/oneTimeTokens.js";

export class MemoryOneTimeTokens implements OneTimeTokens {
  /** Redeemed nonces with their expiry (ms). */
  private readonly redeemed = new Map<string, number>();

  constructor(private readonly now: () => number = () => Date.now()) {}

  async redeem(nonce: string, expiresAt: Date): Promise<boolean> {
    const now = this.now();
    for (const [n, exp] of this.redeemed) if (exp <= now) this.redeemed.delete(n);
    if (this.redeemed.has(nonce)) return false;
    this.redeemed.set(nonce, expiresAt.getTime());
    return true;
  }
}
