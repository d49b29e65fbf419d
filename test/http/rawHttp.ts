/**
 * Raw HTTP requests for the hostile cases fetch() will not send as they are (a broken gzip
 * body, a chunked upload with no length, a multipart upload), and a count of requests tried
 * and of times the server stopped answering /healthz afterwards.
 */
import { request } from "node:http";

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent in one piece, or chunk by chunk (chunked transfer encoding, no Content-Length). */
  body?: Buffer | string | (Buffer | string)[];
}

/** Sends one request; a connection the server closes mid-upload still gives its answer when one came. */
export function rawRequest(baseUrl: string, req: RawRequest): Promise<RawResponse> {
  const url = new URL(req.path, baseUrl);
  return new Promise((resolve, reject) => {
    let answered = false;
    const chunked = Array.isArray(req.body);
    const headers: Record<string, string | number> = { ...req.headers };
    if (req.body !== undefined && !chunked)
      headers["content-length"] = Buffer.byteLength(req.body as Buffer | string);
    const r = request(url, { method: req.method ?? "POST", headers }, (res) => {
      answered = true;
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => {
        body += d;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on("error", reject);
    });
    // The server may answer and close before the whole body is sent (413, 415): its answer
    // still counts; a connection closed with no answer at all is status 0.
    r.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE" || e.code === "ECONNRESET") return;
      reject(e);
    });
    r.on("close", () => {
      if (!answered) resolve({ status: 0, headers: {}, body: "" });
    });
    if (Array.isArray(req.body)) for (const chunk of req.body) r.write(chunk);
    else if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** Counts hostile requests and whether /healthz still answered after each. */
export class HostileTally {
  tried = 0;
  crashes = 0;

  constructor(private readonly baseUrl: string) {}

  /** Sends `req`, then checks /healthz; returns the response to `req`. */
  async send(req: RawRequest): Promise<RawResponse> {
    this.tried++;
    const res = await rawRequest(this.baseUrl, req);
    if (!(await this.healthy())) this.crashes++;
    return res;
  }

  async healthy(): Promise<boolean> {
    try {
      return (await fetch(`${this.baseUrl}/healthz`)).status === 200;
    } catch {
      return false;
    }
  }
}
