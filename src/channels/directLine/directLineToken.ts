/**
 * Direct Line tokens: each is bound to one conversation and one user (and, when a signed-in
 * website minted it, to one customer), signed with HMAC-SHA256 and valid for 30 minutes.
 * Stateless: any FairExit instance with the same secret verifies it.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";

export const TOKEN_LIFETIME_SECONDS = 30 * 60;

const Claims = z.strictObject({
  /** conversation id */
  c: z.string().regex(/^dl-[A-Za-z0-9_-]{22}$/),
  /** the user id the token speaks as */
  u: z.string().min(1).max(64),
  /** the customer a signed-in website vouched for */
  cu: z.string().min(1).max(128).optional(),
  /** expiry, seconds since the epoch */
  exp: z.number().int(),
});
export type TokenClaims = z.infer<typeof Claims>;

export interface DirectLineGrant {
  conversationId: string;
  userId: string;
  customerId?: string;
}

export type TokenCheck =
  | { ok: true; grant: DirectLineGrant }
  | { ok: false; reason: "malformed" | "bad_signature" | "expired" };

export const newConversationId = (): string => `dl-${randomBytes(16).toString("base64url").slice(0, 22)}`;
export const newUserId = (): string => `dl_${randomBytes(12).toString("base64url")}`;

export class DirectLineTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac("sha256", secret).update("fairexit directline token v1").digest();
  }

  issue(grant: DirectLineGrant, nowMs: number): { token: string; expires_in: number } {
    const claims: TokenClaims = {
      c: grant.conversationId,
      u: grant.userId,
      ...(grant.customerId ? { cu: grant.customerId } : {}),
      exp: Math.floor(nowMs / 1000) + TOKEN_LIFETIME_SECONDS,
    };
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return { token: `dl1.${payload}.${this.sign(payload)}`, expires_in: TOKEN_LIFETIME_SECONDS };
  }

  verify(token: string, nowMs: number): TokenCheck {
    const [version, payload, signature, ...rest] = token.split(".");
    if (version !== "dl1" || !payload || !signature || rest.length > 0)
      return { ok: false, reason: "malformed" };
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      return { ok: false, reason: "bad_signature" };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
    } catch {
      return { ok: false, reason: "malformed" };
    }
    const claims = Claims.safeParse(json);
    if (!claims.success) return { ok: false, reason: "malformed" };
    if (claims.data.exp * 1000 <= nowMs) return { ok: false, reason: "expired" };
    const { c, u, cu } = claims.data;
    return { ok: true, grant: { conversationId: c, userId: u, ...(cu ? { customerId: cu } : {}) } };
  }

  private sign(payload: string): string {
    return createHmac("sha256", this.key).update(payload).digest("base64url");
  }
}
