/**
 * A loopback HTTP server standing in for a company's back-office: it checks FairExit's
 * signature, applies each Idempotency-Key once, and can be told to fail.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "../../src/adapters/webhook/signedPost.js";

export interface Received {
  path: string;
  key: string;
  body: unknown;
  signatureValid: boolean;
}

export interface WebhookReceiver {
  url: string;
  received: Received[];
  /** Keys whose effect was applied, once each. */
  applied: Map<string, unknown>;
  /** Status codes to answer with before succeeding, consumed one per request. */
  failNext: number[];
  /** Requests to leave unanswered, by path (the caller hangs until it gives up or the receiver closes). */
  hold: (path: string) => boolean;
  close(): Promise<void>;
}

/** `port`: listen on this port (a receiver coming back where an earlier one was); a free one by default. */
export async function startWebhookReceiver(secret: string, port = 0): Promise<WebhookReceiver> {
  const state = {
    received: [] as Received[],
    applied: new Map<string, unknown>(),
    failNext: [] as number[],
    hold: (_path: string) => false,
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => {
      body += d;
    });
    req.on("end", () => {
      const key = String(req.headers["idempotency-key"] ?? "");
      const signatureValid = verifySignature(
        secret,
        String(req.headers["x-fairexit-timestamp"] ?? ""),
        body,
        String(req.headers["x-fairexit-signature"] ?? ""),
      );
      state.received.push({ path: req.url ?? "", key, body: JSON.parse(body || "null"), signatureValid });
      if (receiver.hold(req.url ?? "")) return;
      const fail = state.failNext.shift();
      // Not chained: restify, when loaded in the same process, replaces ServerResponse's
      // writeHead with one that returns nothing.
      if (!signatureValid) {
        res.writeHead(401);
        res.end();
        return;
      }
      if (fail !== undefined) {
        res.writeHead(fail);
        res.end();
        return;
      }
      if (!state.applied.has(key)) state.applied.set(key, { ref: `ext-${state.applied.size + 1}` });
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(state.applied.get(key)));
    });
  });
  await new Promise<void>((r) => server.listen(port, "127.0.0.1", r));
  const listening = (server.address() as AddressInfo).port;
  const receiver: WebhookReceiver = {
    url: `http://127.0.0.1:${listening}`,
    ...state,
    close: () =>
      new Promise((r) => {
        server.close(() => r());
        server.closeAllConnections(); // held requests too
      }),
  };
  return receiver;
}
