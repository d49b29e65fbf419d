/**
 * The supervisor dashboard's page at /supervisor (web/supervisor.html, supervisor.js,
 * supervisor-report.js, supervisor-panels.js, supervisor.css: no framework, no inline script or
 * style) and Chart.js, served from the installed npm package (no CDN). The page is behind the
 * console login (agentLogin.ts): without a session a browser gets a 401 page saying how to get a
 * login link. Script, style and the
 * chart library are public (they hold no data); the numbers come from /api/supervisor/*.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Request, Response, Server } from "restify";
import { type AssistAccessDeps, consoleSessionOf } from "./assistAccess.js";
import { sendConsolePage, signedOutPage } from "./consolePage.js";

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../web");

/** Where the installed chart.js keeps its browser build (one file, UMD, minified). */
export function chartJsPath(): string {
  const entry = createRequire(import.meta.url).resolve("chart.js");
  return join(dirname(entry), "chart.umd.min.js");
}

const HTML = "text/html; charset=utf-8";
const JS = "text/javascript; charset=utf-8";
const ASSETS = [
  ...["console.js", "supervisor.js", "supervisor-report.js", "supervisor-panels.js"].map(
    (file) => [`/supervisor/${file}`, () => join(WEB_DIR, file), JS] as const,
  ),
  ...["supervisor.css", "console.css"].map(
    (file) => [`/supervisor/${file}`, () => join(WEB_DIR, file), "text/css; charset=utf-8"] as const,
  ),
  ["/supervisor/chart.umd.min.js", chartJsPath, JS] as const,
];

export function registerSupervisorPage(server: Server, deps: AssistAccessDeps): void {
  const send = (req: Request, res: Response, status: number, type: string, body: string | Buffer) =>
    sendConsolePage(req, res, deps.trustProxy, { status, type, body });

  server.get("/supervisor", async (req: Request, res: Response) => {
    if (!consoleSessionOf(req, deps))
      return send(
        req,
        res,
        401,
        HTML,
        signedOutPage({
          title: "FairExit supervisor dashboard",
          why: "You are not signed in to the supervisor dashboard.",
          page: "/supervisor",
          stylesheet: "/supervisor/supervisor.css",
        }),
      );
    send(req, res, 200, HTML, await readFile(join(WEB_DIR, "supervisor.html")));
  });

  for (const [path, file, type] of ASSETS)
    server.get(path, async (req: Request, res: Response) => {
      send(req, res, 200, type, await readFile(file()));
    });
}
