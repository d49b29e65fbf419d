/**
 * A loopback Bot Connector (the REST API a Bot Framework channel exposes at the activity's
 * serviceUrl): records every reply the bot POSTs to
 * /v3/conversations/{conversationId}/activities[/{replyToId}] and answers with a resource id,
 * as the real service does. Used for the normal (not expectReplies) delivery mode.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface PostedReply {
  path: string;
  conversationId: string;
  replyToId: string | undefined;
  authorization: string | undefined;
  activity: {
    type: string;
    text?: string;
    replyToId?: string;
    channelData?: { fairexit?: { stage: string } };
  };
}

export interface BotConnector {
  serviceUrl: string;
  replies: PostedReply[];
  /** Resolves once `count` replies have arrived. */
  waitFor(count: number): Promise<PostedReply[]>;
  close(): Promise<void>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

export async function startBotConnector(): Promise<BotConnector> {
  const replies: PostedReply[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      const match = ROUTE.exec(req.url ?? "");
      if (req.method !== "POST" || !match) {
        res.writeHead(404, { "content-type": "application/json" });
        res.end(JSON.stringify({ error: { code: "NotFound", message: `${req.method} ${req.url}` } }));
        return;
      }
      replies.push({
        path: req.url ?? "",
        conversationId: decodeURIComponent(match[1]!),
        replyToId: match[2] === undefined ? undefined : decodeURIComponent(match[2]),
        authorization: req.headers.authorization,
        activity: JSON.parse(body),
      });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ id: `reply-${replies.length}` }));
      for (const w of waiters.splice(0))
        if (replies.length >= w.count) w.resolve();
        else waiters.push(w);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    replies,
    waitFor: (count) =>
      replies.length >= count
        ? Promise.resolve(replies)
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(replies) })),
    close: () => new Promise((r) => server.close(() => r())),
  };
}
