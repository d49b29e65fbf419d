/**
 * A loopback Bot Connector (the REST API at an activity's serviceUrl) for agent assist: records
 * every activity the bot sends (POST /v3/conversations/{id}/activities[/{replyToId}]) and every
 * update in place (PUT /v3/conversations/{id}/activities/{activityId}), answering with a
 * resource id as the real service does. `limitNextUpdate` answers the next PUT with 429 and
 * Retry-After.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface ConnectorCall {
  verb: "POST" | "PUT";
  conversationId: string;
  /** POST: the activity replied to (if any); PUT: the activity updated. */
  activityId: string | undefined;
  activity: {
    type: string;
    id?: string;
    text?: string;
    attachments?: {
      contentType: string;
      content: { body: unknown[]; metadata?: { fairexit?: { sessionId: string; version: number } } };
    }[];
  };
  /** The id the connector gave (POST) or kept (PUT). */
  resourceId: string;
}

export interface AssistBotConnector {
  serviceUrl: string;
  calls: ConnectorCall[];
  /** Updates answered with 429. */
  readonly refused: number;
  limitNextUpdate(retryAfterSeconds: number): void;
  until(predicate: () => boolean, what: string): Promise<void>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startAssistBotConnector(): Promise<AssistBotConnector> {
  const calls: ConnectorCall[] = [];
  const waiters: { predicate: () => boolean; resolve: () => void }[] = [];
  let limited: number | undefined;
  let refused = 0;
  let n = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      const match = ROUTE.exec(req.url ?? "");
      const verb = req.method;
      if (!match || (verb !== "POST" && verb !== "PUT")) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "NotFound", message: `${verb} ${req.url}` } }));
        return;
      }
      if (verb === "PUT" && limited !== undefined) {
        res.writeHead(429, { "content-type": "application/json", "retry-after": String(limited) });
        res.end(JSON.stringify({ error: { code: "TooManyRequests", message: "slow down" } }));
        limited = undefined;
        refused++;
        return;
      }
      const activityId = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
      const resourceId = verb === "PUT" ? (activityId ?? "") : `activity-${++n}`;
      calls.push({
        verb,
        conversationId: decodeURIComponent(match[1]!),
        activityId,
        activity: JSON.parse(body),
        resourceId,
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: resourceId }));
      for (const w of waiters.splice(0))
        if (w.predicate()) w.resolve();
        else waiters.push(w);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    serviceUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    calls,
    get refused() {
      return refused;
    },
    limitNextUpdate(seconds) {
      limited = seconds;
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
