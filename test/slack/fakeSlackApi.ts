/**
 * A loopback Slack Web API: answers POST /api/<method> as Slack does (form-encoded or JSON
 * bodies, `Authorization: Bearer xoxb-…`, `{ ok: true, … }`), records every call with the time
 * of a clock the test controls, and takes the `response_url` posts of slash commands and
 * buttons at /respond/<id>. A test can make the next calls of a method answer 429 with
 * Retry-After, or fail with a Slack error such as not_in_channel. conversations.open answers the
 * DM `D<user id without its U>`.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  authorization: string | undefined;
  /** The ts Slack gave a posted message. */
  ts?: string;
}

export interface Respond {
  id: string;
  body: { text?: string; response_type?: string; replace_original?: boolean; blocks?: unknown[] };
}

export interface FakeSlackApi {
  /** The Web API base, e.g. http://127.0.0.1:1234/api/ (SLACK_API_URL). */
  apiUrl: string;
  /** A response_url for one command or button. */
  responseUrl(id: string): string;
  calls: SlackCall[];
  responds: Respond[];
  callsOf(method: string): SlackCall[];
  /** The next `times` calls of `method` answer 429 with this Retry-After (seconds). */
  rateLimit(method: string, retryAfterSeconds: number, times?: number): void;
  /** The next call of `method` answers `{ ok: false, error }`. */
  failWith(method: string, error: string): void;
  /** Resolves once `predicate` holds (checked after every call). */
  until(predicate: () => boolean, what: string): Promise<void>;
  close(): Promise<void>;
}

function parseBody(type: string | undefined, text: string): Record<string, unknown> {
  if ((type ?? "").startsWith("application/json")) return JSON.parse(text || "{}");
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    args[k] = v.startsWith("[") || v.startsWith("{") ? JSON.parse(v) : v;
  }
  return args;
}

export async function startFakeSlackApi(now: () => number = () => Date.now()): Promise<FakeSlackApi> {
  const calls: SlackCall[] = [];
  const responds: Respond[] = [];
  const limited = new Map<string, { retryAfter: number; times: number }>();
  const failures = new Map<string, string>();
  const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  let ts = 1_700_000_000;
  const notify = () => {
    for (const w of waiters.splice(0))
      if (w.predicate()) w.resolve();
      else waiters.push(w);
  };
  const server = createServer((req, res) => {
    let text = "";
    req.on("data", (d) => {
      text += d;
    });
    req.on("end", () => {
      const url = req.url ?? "";
      const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      const respond = /^\/respond\/([^/?]+)$/.exec(url);
      if (respond && req.method === "POST") {
        responds.push({ id: decodeURIComponent(respond[1]!), body: JSON.parse(text || "{}") });
        reply(200, { ok: true });
        notify();
        return;
      }
      const api = /^\/api\/([\w.]+)$/.exec(url);
      if (!api || req.method !== "POST") return reply(404, { ok: false, error: "unknown_method" });
      const method = api[1]!;
      const limit = limited.get(method);
      if (limit && limit.times > 0) {
        limit.times--;
        calls.push({
          method: `${method}:429`,
          args: {},
          at: now(),
          authorization: req.headers.authorization,
        });
        reply(429, { ok: false, error: "ratelimited" }, { "retry-after": String(limit.retryAfter) });
        notify();
        return;
      }
      const args = parseBody(req.headers["content-type"], text);
      calls.push({ method, args, at: now(), authorization: req.headers.authorization });
      const failure = failures.get(method);
      if (failure) {
        failures.delete(method);
        reply(200, { ok: false, error: failure });
      } else if (method === "chat.postMessage") {
        const posted = `${ts++}.000100`;
        calls.at(-1)!.ts = posted;
        reply(200, { ok: true, channel: args.channel, ts: posted, message: { text: args.text } });
      } else if (method === "chat.update") reply(200, { ok: true, channel: args.channel, ts: args.ts });
      else if (method === "views.publish") reply(200, { ok: true, view: { id: "V1", type: "home" } });
      else if (method === "conversations.open")
        reply(200, { ok: true, channel: { id: `D${String(args.users).slice(1)}` } });
      else reply(200, { ok: true });
      notify();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    calls,
    responds,
    callsOf: (method) => calls.filter((c) => c.method === method),
    rateLimit(method, retryAfter, times = 1) {
      limited.set(method, { retryAfter, times });
    },
    failWith(method, error) {
      failures.set(method, error);
    },
    until(predicate, what) {
      if (predicate()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 10_000);
        waiters.push({
          predicate,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
