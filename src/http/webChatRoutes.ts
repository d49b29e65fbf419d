/**
 * The Web Chat page at / and its assets: Microsoft's Web Chat bundle straight from the
 * `botframework-webchat` package (no CDN), gzip-compressed once, plus FairExit's page script
 * and style from web/. Public by design: the page only gets anonymous tokens.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { Request, Response, Server } from "restify";

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../web");

/** Where the installed botframework-webchat keeps its browser bundle. */
export function webChatBundlePath(): string {
  const entry = createRequire(import.meta.url).resolve("botframework-webchat");
  return join(dirname(entry), "../dist/webchat.js");
}

interface Asset {
  type: string;
  body: Buffer;
  gzip: Buffer;
}

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Web Chat injects its styles at run time.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The browser features the page never uses, switched off for it and anything it loads. */
const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

/**
 * Served over TLS: directly (`req.isSecure()`), or behind a proxy FairExit is told to trust
 * (FAIREXIT_TRUST_PROXY) that says so in `X-Forwarded-Proto`. Only then is HSTS sent: a
 * browser ignores it over plain HTTP, and a local demo on http://localhost must keep working.
 */
export function servedOverTls(req: Request, trustProxy: boolean): boolean {
  if (req.isSecure()) return true;
  return (
    trustProxy &&
    String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]!
      .trim() === "https"
  );
}

const gzipAsync = promisify(gzip);

/** Read and compressed on first request, off the event loop (the Web Chat bundle is 4 MB). */
function load(path: string, type: string): () => Promise<Asset> {
  let asset: Promise<Asset> | undefined;
  return () => {
    asset ??= readFile(path).then(async (body) => ({ type, body, gzip: await gzipAsync(body) }));
    return asset;
  };
}

export function registerWebChatRoutes(server: Server, options: { trustProxy: boolean }): void {
  const assets: Record<string, () => Promise<Asset>> = {
    "/": load(join(WEB_DIR, "index.html"), "text/html; charset=utf-8"),
    "/webchat/webchat.js": load(webChatBundlePath(), "text/javascript; charset=utf-8"),
    "/webchat/fairexit-webchat.js": load(
      join(WEB_DIR, "fairexit-webchat.js"),
      "text/javascript; charset=utf-8",
    ),
    "/webchat/fairexit-webchat.css": load(join(WEB_DIR, "fairexit-webchat.css"), "text/css; charset=utf-8"),
  };
  for (const [path, asset] of Object.entries(assets)) {
    server.get(path, async (req: Request, res: Response) => {
      const { type, body, gzip } = await asset();
      const zipped = /\bgzip\b/.test(req.header("accept-encoding") ?? "");
      res.writeHead(200, {
        "content-type": type,
        "content-length": (zipped ? gzip : body).length,
        "cache-control": path === "/" ? "no-cache" : "public, max-age=3600",
        "content-security-policy": CSP,
        "x-frame-options": "DENY",
        "permissions-policy": PERMISSIONS_POLICY,
        ...(servedOverTls(req, options.trustProxy)
          ? { "strict-transport-security": "max-age=31536000; includeSubDomains" }
          : {}),
        "x-content-type-options": "nosniff",
        "referrer-policy": "no-referrer",
        vary: "accept-encoding",
        ...(zipped ? { "content-encoding": "gzip" } : {}),
      });
      res.end(zipped ? gzip : body);
    });
  }
}
