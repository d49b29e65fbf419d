/**
 * Server-sent events of assist views: `GET /api/assist/stream` (every session) and
 * `GET /api/assist/sessions/{id}/events` (one). On connect the current views are sent, then each
 * new view as it is made:
 *
 *   id: 7
 *   event: view
 *   data: {"sessionId":"call-42","version":7,…}
 *
 * A comment line every 15 s keeps proxies from closing an idle stream. Streams are bounded (503
 * with Retry-After beyond `maxStreams`); a client that stops reading (over 1 MB queued) is
 * disconnected rather than buffered without end; a disconnect unsubscribes at once. Written with
 * res.writeHead/res.write and never res.send, so restify neither buffers nor ends it (no
 * compression plugin is installed; the socket's idle timeout is switched off for the stream).
 */
import type { Server as HttpServer } from "node:http";
import type { Request, Response } from "restify";
import type { AssistDesk } from "../channels/assist/deskTypes.js";
import { HEARTBEAT, viewEvent } from "../channels/assist/viewEvents.js";

export interface StreamLimits {
  maxStreams: number;
  heartbeatMs: number;
  /** Bytes queued for one client before it is disconnected. */
  maxQueuedBytes: number;
}

export const STREAM_LIMITS: StreamLimits = { maxStreams: 200, heartbeatMs: 15_000, maxQueuedBytes: 1 << 20 };

export class ViewStreams {
  private readonly open = new Set<() => void>();

  constructor(
    private readonly desk: AssistDesk,
    private readonly limits: StreamLimits = STREAM_LIMITS,
  ) {}

  get count(): number {
    return this.open.size;
  }

  /** Serves one stream on `res`: every session's views, or only `sessionId`'s. */
  serve(req: Request, res: Response, sessionId?: string): void {
    if (this.open.size >= this.limits.maxStreams) {
      res.header("retry-after", "5");
      res.send(503, {
        error: {
          code: "TooManyStreams",
          message: `at most ${this.limits.maxStreams} open streams; retry shortly`,
        },
      });
      return;
    }
    req.socket.setTimeout(0);
    req.socket.setNoDelay(true);
    res.writeHead(200, {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store",
      connection: "keep-alive",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    });
    const send = (text: string) => {
      if (res.writableLength > this.limits.maxQueuedBytes) close();
      else res.write(text);
    };
    send("retry: 3000\n\n");
    const current = sessionId
      ? [this.desk.view(sessionId)]
      : this.desk.list().map((s) => this.desk.view(s.sessionId));
    for (const view of current) if (view) send(viewEvent(view));
    const unsubscribe = this.desk.subscribe((view) => {
      if (sessionId === undefined || view.sessionId === sessionId) send(viewEvent(view));
    });
    const heartbeat = setInterval(() => send(HEARTBEAT), this.limits.heartbeatMs);
    heartbeat.unref();
    let closed = false;
    const close = () => {
      if (closed) return;
      closed = true;
      unsubscribe();
      clearInterval(heartbeat);
      this.open.delete(close);
      if (!res.writableEnded) res.end();
    };
    this.open.add(close);
    req.on("close", close);
    res.on("close", close);
  }

  /** Ends every stream (shutdown: an open stream would keep the server from closing). */
  closeAll(): void {
    for (const close of [...this.open]) close();
  }
}

const byServer = new WeakMap<HttpServer, ViewStreams>();

/** Remembers the streams of a server, so shutting it down can end them. */
export function trackStreams(server: HttpServer, streams: ViewStreams): void {
  byServer.set(server, streams);
}

/** Ends the open streams of `server`, if it has any. */
export function closeStreamsOf(server: HttpServer): void {
  byServer.get(server)?.closeAll();
}
