/**
 * Who is calling an agent-assist route, or why they may not:
 *   - a platform or tool with `Authorization: Bearer <FAIREXIT_ASSIST_API_KEY>` (optionally naming
 *     the agent in `X-FairExit-Agent` for the audit log); without that variable configured a
 *     bearer is refused with 503, never let through;
 *   - the console, with its session cookie (agentLogin.ts). A state-changing request from the
 *     console must also come from the console's own origin (`Origin` equal to FAIREXIT_PUBLIC_URL's,
 *     else to the request's own scheme and host): with SameSite=Strict that is the CSRF defence.
 */
import type { Request, Response } from "restify";
import type { AgentRef } from "../channels/assist/deskTypes.js";
import { type AgentLogins, CONSOLE_COOKIE, type ConsoleSession, cookieValue } from "./agentLogin.js";
import { bearerOf, sameSecret } from "./bearer.js";
import { servedOverTls } from "./webChatRoutes.js";

export interface AssistAccessDeps {
  apiKey: string | undefined;
  logins: AgentLogins;
  publicUrl: string | undefined;
  trustProxy: boolean;
  now(): number;
}

export type Caller =
  | { kind: "api"; agent: AgentRef }
  | { kind: "console"; agent: AgentRef; session: ConsoleSession };

const AGENT_NAME = /^[\w.@:-]{1,64}$/;

/** The console session of a request (its cookie), when valid. */
export function consoleSessionOf(req: Request, deps: AssistAccessDeps): ConsoleSession | undefined {
  return deps.logins.session(cookieValue(req.header("cookie"), CONSOLE_COOKIE), deps.now());
}

/** The origin the browser shows for this server: FAIREXIT_PUBLIC_URL's, else the request's own. */
export function ownOrigin(req: Request, deps: Pick<AssistAccessDeps, "publicUrl" | "trustProxy">): string {
  if (deps.publicUrl) return new URL(deps.publicUrl).origin;
  const proto = servedOverTls(req, deps.trustProxy) ? "https" : "http";
  return `${proto}://${req.header("host") ?? "localhost"}`;
}

/**
 * The caller, or undefined after answering 401/403/503. `console: false` refuses the cookie
 * (platform-only routes); `changes: true` requires the console's own Origin.
 */
export function callerOf(
  req: Request,
  res: Response,
  deps: AssistAccessDeps,
  o: { console: boolean; changes: boolean },
): Caller | undefined {
  const bearer = bearerOf(req);
  if (bearer !== undefined || req.header("authorization")) {
    if (!deps.apiKey) {
      refuse(res, 503, "AssistApiOff", "the assist API is off: set FAIREXIT_ASSIST_API_KEY to use it");
      return undefined;
    }
    if (!sameSecret(bearer, deps.apiKey)) {
      refuse(res, 401, "BadApiKey", "expected Authorization: Bearer <FAIREXIT_ASSIST_API_KEY>");
      return undefined;
    }
    const named = req.header("x-fairexit-agent");
    const id = named && AGENT_NAME.test(named) ? `api:${named}` : "api";
    return { kind: "api", agent: { id, via: "api" } };
  }
  const session = o.console ? consoleSessionOf(req, deps) : undefined;
  if (!session) {
    refuse(
      res,
      401,
      "NotSignedIn",
      o.console
        ? "sign in to the agent console (the login link printed at start, or fairexit agent-link) or send Authorization: Bearer <FAIREXIT_ASSIST_API_KEY>"
        : "expected Authorization: Bearer <FAIREXIT_ASSIST_API_KEY>",
    );
    return undefined;
  }
  if (o.changes && req.header("origin") !== ownOrigin(req, deps)) {
    refuse(res, 403, "CrossOrigin", "a console action must come from the console's own page");
    return undefined;
  }
  return { kind: "console", agent: { id: session.agentId, via: "console" }, session };
}

export function refuse(res: Response, status: number, code: string, message: string): void {
  res.header("cache-control", "no-store");
  res.send(status, { error: { code, message } });
}
