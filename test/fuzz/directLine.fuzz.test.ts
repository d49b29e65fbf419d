/**
 * Direct Line over real HTTP under hostile requests: the real server (composition root,
 * restify, every route) gets random methods, paths, tokens, content types, encodings, headers
 * and bodies on the Direct Line and token routes. Every request is answered with a 2xx (what
 * is valid) or a 4xx (what is not), never a 5xx and never a dropped connection, and /healthz
 * answers after each one. Rate limits are raised so the requests reach the routes.
 */
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_MESSAGE_LENGTH } from "../../src/channels/activity.js";
import { HostileTally, type RawRequest, rawRequest } from "../http/rawHttp.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import { fuzzParameters } from "./fuzzSettings.js";

const SECRET = "directline-fuzz-secret-0123456789abcdef";
let server: RunningFairExit;
let mine: DirectLineClient;
let other: DirectLineClient;
let tally: HostileTally;
/** How many answers of each status, printed at the end (shows the requests reach the routes). */
const statuses = new Map<number, number>();

beforeAll(async () => {
  server = await aFairExitServer({
    FAIREXIT_DIRECTLINE_SECRET: SECRET,
    FAIREXIT_RATE_LIMIT_PER_CLIENT: "1000000",
    FAIREXIT_RATE_LIMIT_PER_CONVERSATION: "1000000",
    FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT: "1000000",
  });
  mine = await DirectLineClient.anonymous(server.url);
  await mine.start();
  other = await DirectLineClient.anonymous(server.url);
  tally = new HostileTally(server.url);
});
afterAll(async () => {
  const counts = [...statuses].sort(([a], [b]) => a - b).map(([s, n]) => `${s}: ${n}`);
  console.info(
    `Direct Line fuzz: ${tally?.tried} requests (${counts.join(", ")}), ${tally?.crashes} times /healthz did not answer`,
  );
  await server?.close();
});

/** Printable header-safe text (Node refuses to send control characters in a header). */
const headerText = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);
const segment = fc.oneof(
  fc.constantFrom("..", "%2e%2e", "%00", "%ZZ", "%", "a%2Fb", "~", "%F0%9F%98%80", "x".repeat(3000), ""),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,40}$/),
);

type Target = { kind: "mine" | "other" | "random"; id: string };
const pathArb = fc.tuple(
  fc.constantFrom(
    "/v3/directline/conversations/{id}/activities",
    "/v3/directline/conversations/{id}/activities",
    "/v3/directline/conversations/{id}/activities",
    "/v3/directline/conversations/{id}/activities",
    "/v3/directline/conversations/{id}",
    "/v3/directline/conversations/{id}/upload",
    "/v3/directline/conversations",
    "/v3/directline/tokens/refresh",
    "/v3/directline/tokens/generate",
    "/api/webchat/token",
    "/api/directline/tokens",
    "/v3/directline/conversations/{id}/activities/{junk}",
    "/v3/directline/{junk}",
    "/v3/{junk}/conversations/{id}",
  ),
  fc.constantFrom<Target["kind"]>("mine", "mine", "other", "random"),
  segment,
  segment,
  fc.option(
    fc.oneof(
      fc.constantFrom(
        "watermark=",
        "watermark=-1",
        "watermark=1e99",
        "watermark=abc",
        "watermark=0&watermark=1",
        "a[b]=c",
      ),
      fc.stringMatching(/^[A-Za-z0-9=&%._-]{0,80}$/),
    ),
  ),
);

const tokenArb = fc.oneof(
  fc.constantFrom(
    "mine",
    "mine",
    "mine",
    "other",
    "secret",
    "none",
    "empty",
    "flipped",
    "truncated",
    "notBearer",
  ),
  headerText.map((t) => `raw:${t}`),
);

const activityArb = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom("message", "typing", "event", "conversationUpdate", ""),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    text: fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.nat({ max: 200 }).map((n) => "y".repeat(MAX_MESSAGE_LENGTH - 100 + n)),
      fc.jsonValue({ maxDepth: 1 }),
    ),
    from: fc.oneof(fc.record({ id: fc.string({ maxLength: 20 }) }), fc.jsonValue({ maxDepth: 2 })),
    value: fc.jsonValue({ maxDepth: 3 }),
    channelData: fc.jsonValue({ maxDepth: 3 }),
  },
  { requiredKeys: [] },
);

const bodyArb: fc.Arbitrary<Buffer | string | undefined> = fc.oneof(
  fc.constant(undefined),
  activityArb.map((a) => JSON.stringify(a)),
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
  fc.nat({ max: 4 }).map((k) => `{"type":"message","value":${"[".repeat(10 ** k)}${"]".repeat(10 ** k)}}`),
  fc
    .nat({ max: 3 })
    .map((k) =>
      JSON.stringify({ type: "message", text: "z".repeat(2000), pad: "p".repeat(10_000 * 3 ** k) }),
    ),
  fc.constantFrom(
    "",
    "{",
    "null",
    "[]",
    '{"type":"message"}',
    '{"__proto__":{"type":"message"}}',
    '"\\ud800"',
  ),
);

const contentTypeArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant("application/json") },
  fc.constantFrom(
    "application/json",
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=utf-16",
    "application/vnd.api+json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "application/octet-stream",
    "none",
  ),
  headerText,
);
const encodingArb = fc.constantFrom(
  "none",
  "none",
  "none",
  "none",
  "none",
  "gzip",
  "broken-gzip",
  "deflate",
  "br",
  "identity",
  "gzip, gzip",
  "compress",
);

const requestArb = fc.record({
  method: fc.oneof(
    { weight: 8, arbitrary: fc.constant("POST") },
    { weight: 2, arbitrary: fc.constant("GET") },
    fc.constantFrom("PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"),
  ),
  path: pathArb,
  token: tokenArb,
  contentType: contentTypeArb,
  encoding: encodingArb,
  body: bodyArb,
  chunked: fc.boolean(),
  extra: fc.array(fc.tuple(fc.stringMatching(/^x-[a-z0-9-]{1,20}$/), headerText), { maxLength: 4 }),
});
type FuzzRequest = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

function tokenHeader(token: string): string | undefined {
  const valid = mine.session.token;
  switch (token) {
    case "mine":
      return `Bearer ${valid}`;
    case "other":
      return `Bearer ${other.session.token}`;
    case "secret":
      return `Bearer ${SECRET}`;
    case "none":
      return undefined;
    case "empty":
      return "Bearer ";
    case "flipped":
      return `Bearer ${valid.slice(0, -3)}${valid.at(-3) === "A" ? "B" : "A"}${valid.slice(-2)}`;
    case "truncated":
      return `Bearer ${valid.slice(0, valid.length >> 1)}`;
    case "notBearer":
      return valid;
    default:
      return token.slice("raw:".length);
  }
}

function toRaw(r: FuzzRequest): RawRequest {
  const [template, target, junk1, junk2, query] = r.path;
  const id =
    target === "mine"
      ? mine.session.conversationId
      : target === "other"
        ? other.session.conversationId
        : junk1;
  const path = `${template.replace("{id}", encodeURIComponent(id)).replace("{junk}", junk2)}${query === null ? "" : `?${query}`}`;
  const headers: Record<string, string> = Object.fromEntries(r.extra);
  const auth = tokenHeader(r.token);
  if (auth !== undefined) headers.authorization = auth;
  if (r.contentType !== "none") headers["content-type"] = r.contentType;
  let body: Buffer | string | undefined = r.body;
  if (body !== undefined && r.encoding !== "none") {
    headers["content-encoding"] = r.encoding === "broken-gzip" ? "gzip" : r.encoding;
    if (r.encoding === "gzip") body = gzipSync(body);
    if (r.encoding === "broken-gzip") body = gzipSync(body).subarray(0, 12);
  }
  return {
    method: r.method,
    path,
    headers,
    body: body === undefined ? undefined : r.chunked ? [body.slice(0, 7), body.slice(7)] : body,
  };
}

describe("Direct Line over HTTP, for any request", () => {
  it("answers 2xx or 4xx, never 5xx, and keeps answering /healthz", async () => {
    await fc.assert(
      fc.asyncProperty(requestArb, async (r) => {
        const raw = toRaw(r);
        const res = await tally.send(raw);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const said = `${raw.method} ${raw.path.slice(0, 120)} -> ${res.status} ${res.body.slice(0, 200)}`;
        expect(res.status, said).toBeGreaterThanOrEqual(200);
        expect(res.status, said).toBeLessThan(500);
        expect(tally.crashes, said).toBe(0);
      }),
      fuzzParameters(400, { shrink: false }),
    );
  }, 300_000);

  it("still serves the customer afterwards: a message posted with the conversation's token is answered", async () => {
    const replies = await mine.says("I want to cancel my broadband");
    expect(replies.length).toBeGreaterThan(0);
    const res = await rawRequest(server.url, { method: "GET", path: "/healthz" });
    expect(res.status).toBe(200);
  });
});
