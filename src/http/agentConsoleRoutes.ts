/**
 * The built-in agent console at /agent: a static page (web/agent.html, agent.js, agent.css, no
 * framework) that shows the live sessions and their views pushed by server-sent events. Behind
 * the console login (agentLogin.ts), in development too:
 *   GET  /agent/login?token=…   redeems a one-time link: sets the session cookie, redirects to /agent
 *                               (or to `next`, when it is /supervisor: our own pages only)
 *   GET  /agent                 the page (401 with how to sign in, without a session)
 *   GET  /agent/demo-calls      the demo calls under examples/assist/ (signed in)
 *   POST /agent/logout          clears the cookie
 * Script and style are public (they hold no customer data); every page is served with the same
 * security headers as the Web Chat page, and a CSP without inline script or style.
 */
import { readdir, readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Request, Response, Server } from "restify";
import { DemoCall } from "../channels/assist/demoCalls.js";
import { type AgentLogins, CONSOLE_COOKIE, CONSOLE_SESSION_SECONDS } from "./agentLogin.js";
import { type AssistAccessDeps, consoleSessionOf, ownOrigin, refuse } from "./assistAccess.js";
import { consolePageHeaders, loginDestination, sendConsolePage, signedOutPage } from "./consolePage.js";
import { servedOverTls } from "./webChatRoutes.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "../..");
const WEB_DIR = join(ROOT, "web");
export const DEMO_CALLS_DIR = join(ROOT, "examples/assist");

/** Every demo call in `dir`, by file name; a malformed file fails loudly with its name. */
export async function readDemoCalls(dir = DEMO_CALLS_DIR): Promise<DemoCall[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".json")).sort();
  return Promise.all(
    files.map(async (f) => {
      const parsed = DemoCall.safeParse(JSON.parse(await readFile(join(dir, f), "utf8")));
      if (!parsed.success) throw new Error(`${f}: ${parsed.error.issues[0]!.message}`);
      return parsed.data;
    }),
  );
}

export interface AgentConsoleDeps extends AssistAccessDeps {
  logins: AgentLogins;
}

export function registerAgentConsoleRoutes(server: Server, deps: AgentConsoleDeps): void {
  const headers = (req: Request, type: string) => consolePageHeaders(req, deps.trustProxy, type);
  const page = (req: Request, res: Response, status: number, type: string, body: string | Buffer) =>
    sendConsolePage(req, res, deps.trustProxy, { status, type, body });
  const signedOut = (req: Request, res: Response, why: string) =>
    page(
      req,
      res,
      401,
      "text/html; charset=utf-8",
      signedOutPage({ title: "FairExit agent console", why, page: "/agent", stylesheet: "/agent/agent.css" }),
    );

  server.get("/agent/login", async (req: Request, res: Response) => {
    const token = typeof req.query?.token === "string" ? req.query.token : "";
    const redeemed = await deps.logins.redeem(token, deps.now());
    if (!redeemed) return signedOut(req, res, "This login link is not valid, has been used, or has expired.");
    const secure = servedOverTls(req, deps.trustProxy) ? "; Secure" : "";
    res.writeHead(303, {
      ...headers(req, "text/plain; charset=utf-8"),
      location: loginDestination(req.query?.next),
      "set-cookie": `${CONSOLE_COOKIE}=${redeemed.cookie}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${CONSOLE_SESSION_SECONDS}${secure}`,
    });
    res.end();
  });

  server.get("/agent", async (req: Request, res: Response) => {
    if (!consoleSessionOf(req, deps))
      return signedOut(req, res, "You are not signed in to the agent console.");
    page(req, res, 200, "text/html; charset=utf-8", await readFile(join(WEB_DIR, "agent.html")));
  });

  for (const [path, file, type] of [
    ["/agent/agent.js", "agent.js", "text/javascript; charset=utf-8"],
    ["/agent/console.js", "console.js", "text/javascript; charset=utf-8"],
    ["/agent/agent.css", "agent.css", "text/css; charset=utf-8"],
    ["/agent/console.css", "console.css", "text/css; charset=utf-8"],
  ] as const)
    server.get(path, async (req: Request, res: Response) => {
      page(req, res, 200, type, await readFile(join(WEB_DIR, file)));
    });

  server.get("/agent/demo-calls", async (req: Request, res: Response) => {
    if (!consoleSessionOf(req, deps)) return refuse(res, 401, "NotSignedIn", "sign in to the agent console");
    res.header("cache-control", "no-store");
    res.send(200, { calls: await readDemoCalls() });
  });

  server.post("/agent/logout", async (req: Request, res: Response) => {
    if (req.header("origin") !== ownOrigin(req, deps))
      return refuse(res, 403, "CrossOrigin", "sign out from the console's own page");
    res.header("set-cookie", `${CONSOLE_COOKIE}=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0`);
    res.send(200, { signedOut: true });
  });
}
