/**
 * Who may open the agent console. No anonymous access, in development too:
 *   - a login link (`/agent/login?token=…`) is printed in the start banner, or by
 *     `fairexit agent-link`; its token is signed with the deployment's secret, works once and
 *     expires after 15 minutes. Any instance with the same secret accepts it, and "once" holds
 *     across all of them: the nonce is recorded in the OneTimeTokens port the composition root
 *     chooses (PostgreSQL with DATABASE_URL, shared by every instance; memory for one instance).
 *     When that record cannot be reached, redeeming fails as unavailable (HTTP 503), never a
 *     login;
 *   - redeeming it gives a console session: an HttpOnly, SameSite=Strict cookie signed with the
 *     same secret, valid for 12 hours. The agent is "console:<first 8 characters of the session>"
 *     in the audit log.
 * Tokens and cookies are HMAC-SHA256 over base64url JSON, verified in constant time.
 */
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import type { OneTimeTokens } from "../domain/oneTimeTokens.js";

export const LOGIN_TOKEN_SECONDS = 15 * 60;
export const CONSOLE_SESSION_SECONDS = 12 * 60 * 60;
export const CONSOLE_COOKIE = "fairexit_agent";

const LoginClaims = z.strictObject({ n: z.string().min(16).max(64), exp: z.number().int() });
const SessionClaims = z.strictObject({ s: z.string().min(16).max(64), exp: z.number().int() });

export interface ConsoleSession {
  sessionId: string;
  /** The agent as the audit log names them. */
  agentId: string;
}

/** For logins that only issue links: every redemption is refused. */
export const ISSUE_ONLY: OneTimeTokens = { redeem: async () => false };

export class AgentLogins {
  private readonly key: Buffer;

  /**
   * `redeemed` remembers the nonces of links already used, so a link works once; without it
   * these logins only issue links (`fairexit agent-link`) and refuse every one they are shown.
   */
  constructor(
    secret: string,
    private readonly redeemed: OneTimeTokens = ISSUE_ONLY,
  ) {
    this.key = createHmac("sha256", secret).update("fairexit agent console v1").digest();
  }

  /** A fresh one-time login token, valid LOGIN_TOKEN_SECONDS from `nowMs`. */
  issueLoginToken(nowMs: number): string {
    const claims = { n: randomBytes(18).toString("base64url"), exp: seconds(nowMs) + LOGIN_TOKEN_SECONDS };
    return this.seal("al1", claims);
  }

  /**
   * The session cookie value for a valid, unused, unexpired login token; undefined otherwise.
   * Fails (UnavailableError) when whether it was used cannot be recorded.
   */
  async redeem(
    token: string,
    nowMs: number,
  ): Promise<{ cookie: string; session: ConsoleSession } | undefined> {
    const claims = this.open("al1", token, LoginClaims);
    const now = seconds(nowMs);
    if (!claims || claims.exp <= now) return undefined;
    if (!(await this.redeemed.redeem(claims.n, new Date(claims.exp * 1000)))) return undefined;
    const sessionId = randomBytes(18).toString("base64url");
    const cookie = this.seal("as1", { s: sessionId, exp: now + CONSOLE_SESSION_SECONDS });
    return { cookie, session: sessionOf(sessionId) };
  }

  /** The console session a cookie value stands for, when it is genuine and unexpired. */
  session(cookie: string | undefined, nowMs: number): ConsoleSession | undefined {
    if (!cookie) return undefined;
    const claims = this.open("as1", cookie, SessionClaims);
    if (!claims || claims.exp <= seconds(nowMs)) return undefined;
    return sessionOf(claims.s);
  }

  private seal(version: string, claims: object): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    return `${version}.${payload}.${this.sign(`${version}.${payload}`)}`;
  }

  private open<T>(version: string, sealed: string, schema: z.ZodType<T>): T | undefined {
    const [v, payload, signature, ...rest] = sealed.split(".");
    if (v !== version || !payload || !signature || rest.length > 0) return undefined;
    const expected = Buffer.from(this.sign(`${v}.${payload}`));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
    try {
      const parsed = schema.safeParse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(text: string): string {
    return createHmac("sha256", this.key).update(text).digest("base64url");
  }
}

const seconds = (ms: number) => Math.floor(ms / 1000);
const sessionOf = (sessionId: string): ConsoleSession => ({
  sessionId,
  agentId: `console:${sessionId.slice(0, 8)}`,
});

/** One cookie's value from a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}
