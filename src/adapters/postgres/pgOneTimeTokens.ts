/**
 * One-time tokens in PostgreSQL, shared by every instance: the first INSERT of a nonce wins
 * (ON CONFLICT DO NOTHING), so a login link is redeemed once across all instances, however many
 * try at the same moment. Rows are purged when their token is an hour past its expiry (the
 * margin covers clocks that disagree), a few at a time, after each redemption: logins are rare.
 * PostgreSQL unreachable: `redeem` fails with DatabaseUnavailableError (HTTP 503), it never
 * lets a token in it could not record.
 */
import type { OneTimeTokens } from "../../domain/oneTimeTokens.js";
import type { Database } from "./database.js";

export class PgOneTimeTokens implements OneTimeTokens {
  constructor(private readonly db: Database) {}

  async redeem(nonce: string, expiresAt: Date): Promise<boolean> {
    const inserted = await this.db.query(
      "redeeming a one-time token",
      `INSERT INTO redeemed_tokens (nonce, expires_at) VALUES ($1, $2) ON CONFLICT (nonce) DO NOTHING`,
      [nonce, expiresAt.toISOString()],
    );
    if (inserted.rowCount !== 1) return false;
    await this.db
      .query(
        "purging expired one-time tokens",
        `DELETE FROM redeemed_tokens WHERE nonce IN (
           SELECT nonce FROM redeemed_tokens WHERE expires_at < now() - interval '1 hour' LIMIT 1000)`,
      )
      .catch(() => {});
    return true;
  }
}
