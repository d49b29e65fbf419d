/**
 * Signed JSON POSTs to a company's own systems. Each request carries:
 *   Idempotency-Key: the action's key (receivers must treat a repeat as the same request)
 *   X-FairExit-Timestamp: seconds since the epoch
 *   X-FairExit-Signature: sha256=HMAC-SHA256(secret, `${timestamp}.${body}`) in hex
 * Network errors and 5xx/429 answers are retried with exponential backoff; 4xx are not.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export interface SignedPostOptions {
  secret: string;
  /** Attempts per call (the outbox retries across calls as well). */
  attempts?: number;
  /** First backoff in ms, doubled each retry. */
  backoffMs?: number;
  timeoutMs?: number;
}

export class WebhookError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = "WebhookError";
  }
}

export function sign(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** For receivers (and tests): checks a signature in constant time. */
export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(sign(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function signedPost(
  url: string,
  payload: unknown,
  idempotencyKey: string,
  options: SignedPostOptions,
): Promise<Record<string, unknown>> {
  const attempts = options.attempts ?? 3;
  const body = JSON.stringify(payload);
  let lastError: WebhookError = new WebhookError(`${url}: not attempted`);
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const timestamp = String(Math.floor(Date.now() / 1000));
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": idempotencyKey,
          "x-fairexit-timestamp": timestamp,
          "x-fairexit-signature": sign(options.secret, timestamp, body),
        },
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      const text = await res.text();
      if (res.ok) return text === "" ? {} : (JSON.parse(text) as Record<string, unknown>);
      lastError = new WebhookError(`${url}: HTTP ${res.status}`, res.status);
      if (res.status < 500 && res.status !== 429) throw lastError;
    } catch (e) {
      if (e instanceof WebhookError && e.status !== undefined && e.status < 500 && e.status !== 429) throw e;
      if (!(e instanceof WebhookError)) lastError = new WebhookError(`${url}: ${(e as Error).message}`);
    }
    if (attempt < attempts) await sleep((options.backoffMs ?? 200) * 2 ** (attempt - 1));
  }
  throw lastError;
}
