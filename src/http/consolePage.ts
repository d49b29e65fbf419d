/**
 * What the signed-in pages (the agent console at /agent, the supervisor dashboard at
 * /supervisor) share: their security headers (a CSP without inline script or style), the page
 * a browser gets without a session (401, saying how to get a login link), and where a login
 * link may send the browser afterwards: our own pages only, never an address from the request.
 */
import type { Request, Response } from "restify";
import { servedOverTls } from "./webChatRoutes.js";

export const CONSOLE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The security headers of every console page and asset. */
export function consolePageHeaders(req: Request, trustProxy: boolean, type: string): Record<string, string> {
  return {
    "content-type": type,
    "cache-control": "no-store",
    "content-security-policy": CONSOLE_CSP,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    ...(servedOverTls(req, trustProxy)
      ? { "strict-transport-security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}

/** Sends a page or asset with the console's security headers. */
export function sendConsolePage(
  req: Request,
  res: Response,
  trustProxy: boolean,
  page: { status: number; type: string; body: string | Buffer },
): void {
  res.writeHead(page.status, {
    ...consolePageHeaders(req, trustProxy, page.type),
    "content-length": String(Buffer.byteLength(page.body)),
  });
  res.end(page.body);
}

/** The pages a login link may lead to; anything else in `next` leads to the agent console. */
export const LOGIN_DESTINATIONS = ["/agent", "/supervisor"] as const;
export type LoginDestination = (typeof LOGIN_DESTINATIONS)[number];

/** Where to go after a login: `next` when it is exactly one of our pages, else /agent. */
export function loginDestination(next: unknown): LoginDestination {
  return LOGIN_DESTINATIONS.find((d) => d === next) ?? "/agent";
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The 401 page for a browser without a session: why, and how to get a login link for `page`. */
export function signedOutPage(o: {
  title: string;
  why: string;
  page: LoginDestination;
  stylesheet: string;
}): string {
  const next = o.page === "/agent" ? "" : ` --next ${o.page}`;
  const suffix =
    o.page === "/agent"
      ? ""
      : `<p>A link from the start banner leads to the agent console; add
<code>&amp;next=${o.page}</code> to it to come straight here.</p>\n`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(o.title)}: sign in</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="${o.page}/console.css"><link rel="stylesheet" href="${escapeHtml(o.stylesheet)}"></head>
<body><main class="signed-out"><h1>${escapeHtml(o.title)}</h1>
<p>${escapeHtml(o.why)}</p>
<p>Open the one-time login link printed when the server started, or print a new one with
<code>fairexit agent-link${next}</code> on the server. Each link works once, for 15 minutes.</p>
${suffix}</main></body></html>
`;
}
