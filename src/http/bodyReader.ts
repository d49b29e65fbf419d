/**
 * FairExit's request body reader (instead of restify's bodyParser, whose gunzip stream had no
 * error listener: one 15-byte request with `Content-Encoding: gzip` stopped the process, and
 * whose multipart parser wrote uploads to /tmp). A restify handler that, for POST, PUT and
 * PATCH only:
 *   - accepts JSON (application/json or any +json type) and nothing else: 415, read nothing;
 *   - decodes identity, gzip, deflate and br, every stream with an error listener: 400 on a
 *     broken stream, 415 on another encoding;
 *   - stops reading past `maxBytes` of raw AND of decoded body (a gzip bomb is cut off): 413;
 *   - parses JSON (400 naming the position) and refuses nesting deeper than `maxDepth`: 400.
 * Nothing is written to disk. A refused request is answered with `Connection: close`, so the
 * rest of an oversized upload is not read either. GET, HEAD, DELETE and OPTIONS bodies are
 * never read (no route takes one).
 *
 * The routes listed in `formPaths` (Twilio's callbacks) also accept
 * `application/x-www-form-urlencoded`, within the same limits: `req.body` is then a `FormParams`
 * holding every name-value pair as sent (the Twilio signature covers them all).
 */
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Next, Request, Response } from "restify";

export interface BodyLimits {
  /** Largest body accepted, counted both as it arrives and once decoded. */
  maxBytes: number;
  /** Deepest nesting of objects and arrays accepted. */
  maxDepth: number;
  /** Paths that also accept a form-encoded body (parsed to `FormParams`). */
  formPaths?: ReadonlySet<string>;
}

/** A form-encoded body: every pair in the order sent, repeated names included. */
export class FormParams {
  constructor(readonly pairs: readonly (readonly [string, string])[]) {}

  /** The first value of each name. */
  first(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of this.pairs) if (!Object.hasOwn(out, k)) out[k] = v;
    return out;
  }
}

const FORM = "application/x-www-form-urlencoded";

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "BodyError";
  }
}

const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

/** The restify handler: sets `req.body` to the parsed JSON (undefined for an empty body). */
export function readJsonBody(limits: BodyLimits) {
  return (req: Request, res: Response, next: Next): void => {
    if (!WITH_BODY.has(req.method ?? "")) {
      next();
      return;
    }
    readBody(req, limits).then(
      (body) => {
        req.body = body;
        next();
      },
      (e: unknown) => {
        const error =
          e instanceof BodyError ? e : new BodyError(400, "BadBody", "the request body could not be read");
        res.header("connection", "close");
        res.send(error.status, { error: { code: error.code, message: error.message } });
        next(false);
      },
    );
  };
}

/** Reads, decodes and parses one request body within `limits`; rejects with a `BodyError`. */
export async function readBody(req: Request, limits: BodyLimits): Promise<unknown> {
  const declared = Number(req.headers["content-length"] ?? "0");
  const chunked = req.headers["transfer-encoding"] !== undefined;
  if (!chunked && (!Number.isFinite(declared) || declared <= 0)) return undefined;
  if (declared > limits.maxBytes) throw tooLarge(limits.maxBytes);
  const type = String(req.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
  const form = type === FORM && limits.formPaths?.has(req.path()) === true;
  if (!isJson(type) && !form)
    throw new BodyError(
      415,
      "UnsupportedMediaType",
      `expected Content-Type: application/json, got ${type ? JSON.stringify(type.slice(0, 80)) : "none"}`,
    );
  const text = await readDecoded(req, limits.maxBytes);
  if (form) return new FormParams([...new URLSearchParams(text)]);
  if (text.trim() === "") return undefined;
  const depth = nestingDepth(text, limits.maxDepth);
  if (depth > limits.maxDepth)
    throw new BodyError(400, "TooDeep", `the JSON body is nested deeper than ${limits.maxDepth} levels`);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new BodyError(400, "BadJson", `the body is not valid JSON: ${(e as Error).message.slice(0, 120)}`);
  }
}

function isJson(type: string): boolean {
  return type === "application/json" || /^application\/[\w.+-]+\+json$/.test(type);
}

const tooLarge = (max: number) =>
  new BodyError(413, "PayloadTooLarge", `the request body is larger than ${max} bytes`);

function decoderFor(encoding: string): Readable & NodeJS.WritableStream {
  switch (encoding) {
    case "gzip":
    case "x-gzip":
      return createGunzip();
    case "deflate":
      return createInflate();
    case "br":
      return createBrotliDecompress();
    default:
      throw new BodyError(
        415,
        "UnsupportedEncoding",
        `expected Content-Encoding identity, gzip, deflate or br, got ${JSON.stringify(encoding.slice(0, 40))}`,
      );
  }
}

/** The body as UTF-8 text, decoded per Content-Encoding, never more than `max` bytes either way. */
function readDecoded(req: Request, max: number): Promise<string> {
  const encoding = String(req.headers["content-encoding"] ?? "identity")
    .trim()
    .toLowerCase();
  const decoder = encoding === "identity" || encoding === "" ? undefined : decoderFor(encoding);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let raw = 0;
    let decoded = 0;
    let settled = false;
    const fail = (error: BodyError) => {
      if (settled) return;
      settled = true;
      req.unpipe();
      decoder?.destroy();
      req.pause();
      reject(error);
    };
    req.on("error", () => fail(new BodyError(400, "BadBody", "the request body could not be read")));
    req.on("aborted", () => fail(new BodyError(400, "BadBody", "the request was aborted")));
    req.on("data", (chunk: Buffer) => {
      raw += chunk.length;
      if (raw > max) fail(tooLarge(max));
    });
    const out: Readable = decoder ?? req;
    out.on("data", (chunk: Buffer) => {
      if (settled) return;
      decoded += chunk.length;
      if (decoded > max) return fail(tooLarge(max));
      chunks.push(chunk);
    });
    out.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(Buffer.concat(chunks).toString("utf8"));
    });
    if (decoder) {
      decoder.on("error", () =>
        fail(new BodyError(400, "BadEncoding", `the body is not valid ${encoding} data`)),
      );
      req.pipe(decoder);
    }
  });
}

/**
 * How deeply `text`'s objects and arrays nest (strings skipped), scanning no further than one
 * level past `limit`. Checked before JSON.parse, so a 10,000-deep value never becomes an object
 * that a later JSON.stringify (a GET of the conversation) fails on.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}
