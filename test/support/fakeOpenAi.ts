/**
 * A loopback HTTP server standing in for an OpenAI-compatible API: it speaks the chat
 * completions wire protocol (`POST /v1/chat/completions`, JSON in, a `chat.completion` object
 * or an OpenAI-style `{ "error": { … } }` body out), checks the bearer key, and answers from a
 * script each test writes: content, a slow answer, an HTTP error, invalid JSON. It records
 * every request so tests can check what reached the model (no personal data, the model, the
 * response format) and whether the client hung up early.
 *
 * @example
 * const fake = await startFakeOpenAi();
 * fake.answerJson({ intents: ["cancel"], … });
 * const llm = new OpenAiLlm({ apiKey: FAKE_API_KEY, baseURL: fake.baseURL, model: "gpt-test", timeoutMs: 5000 });
 * await fake.close();
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_API_KEY = "sk-fake-test-key";
const CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z: fixed, answers do not depend on the clock

/** A `chat.completion` whose first choice has this content, after `delayMs`. */
export interface ContentReply {
  kind: "content";
  content: string;
  delayMs?: number;
  finishReason?: "stop" | "length" | "content_filter";
}

export type FakeReply =
  | ContentReply
  /** An OpenAI-style error body with this status. */
  | { kind: "error"; status: number; message?: string; type?: string; code?: string | null };

export interface RecordedRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  /** The parsed JSON body (model, messages, response_format …). */
  body: ChatRequestBody;
  /** True when the client closed the connection before the answer was sent (abort, timeout). */
  abandoned: boolean;
}

interface Message {
  role: string;
  content: unknown;
}

export interface ChatRequestBody {
  model?: unknown;
  messages?: Message[];
  response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
  [key: string]: unknown;
}

export interface FakeOpenAi {
  /** Pass as the SDK's `baseURL`. */
  baseURL: string;
  requests: RecordedRequest[];
  /** Queues replies, one per request, in order. With none queued, requests get a 500. */
  script(...replies: FakeReply[]): void;
  answer(content: string, delayMs?: number): void;
  answerJson(value: unknown, delayMs?: number): void;
  fail(status: number, message?: string): void;
  /** Every message text of every request, joined: to check what reached the model. */
  promptText(): string;
  /** Resolves once `count` requests have been recorded. */
  received(count: number): Promise<void>;
  /** Resolves once recorded request `index` was answered or the client hung up on it. */
  settled(index: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeOpenAi(options: { apiKey?: string } = {}): Promise<FakeOpenAi> {
  const apiKey = options.apiKey ?? FAKE_API_KEY;
  const queue: FakeReply[] = [];
  const requests: RecordedRequest[] = [];
  const settledWaiters: Promise<void>[] = [];
  const receivedWaiters: { count: number; resolve: () => void }[] = [];
  let completions = 0;

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then((raw) => handle(req, res, raw))
      .catch(() => sendError(res, 500, "fake server failure", "server_error"));
  });

  const handle = (req: IncomingMessage, res: ServerResponse, raw: string): void => {
    const outcome = route(req, res, raw);
    if (outcome.kind === "error") {
      sendError(
        res,
        outcome.status,
        outcome.message ?? "The server had an error.",
        outcome.type,
        outcome.code,
      );
      return;
    }
    const id = ++completions;
    const send = () => {
      if (res.destroyed) return;
      res
        .writeHead(200, { "content-type": "application/json", "x-request-id": `req_fake_${id}` })
        .end(JSON.stringify(completion(id, outcome.model, outcome, outcome.messages)));
    };
    if (!outcome.delayMs) {
      send();
      return;
    }
    const timer = setTimeout(send, outcome.delayMs);
    res.on("close", () => clearTimeout(timer));
  };

  /** Checks the request like the real API, records it, and picks the scripted reply. */
  const route = (
    req: IncomingMessage,
    res: ServerResponse,
    raw: string,
  ): Extract<FakeReply, { kind: "error" }> | (ContentReply & { model: string; messages: Message[] }) => {
    const invalid = (status: number, message: string, code: string | null = null) =>
      ({ kind: "error", status, message, type: "invalid_request_error", code }) as const;
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (req.method !== "POST" || path !== "/v1/chat/completions")
      return invalid(404, `Unknown request URL: ${req.method} ${path}`);
    if (req.headers.authorization !== `Bearer ${apiKey}`)
      return invalid(401, "Incorrect API key provided.", "invalid_api_key");
    let body: ChatRequestBody;
    try {
      body = JSON.parse(raw) as ChatRequestBody;
    } catch {
      return invalid(400, "We could not parse the JSON body of your request.");
    }
    record(res, {
      method: req.method,
      path,
      authorization: req.headers.authorization,
      body,
      abandoned: false,
    });
    const { model, messages } = body;
    if (typeof model !== "string" || !Array.isArray(messages) || messages.length === 0)
      return invalid(400, "'model' and 'messages' are required.");
    if (body.stream === true) return invalid(400, "This fake does not stream.");
    const reply = queue.shift() ?? {
      kind: "error",
      status: 500,
      message: "fakeOpenAi: no reply scripted for this request",
    };
    return reply.kind === "error" ? reply : { ...reply, model, messages };
  };

  const record = (res: ServerResponse, recorded: RecordedRequest): void => {
    requests.push(recorded);
    for (const w of receivedWaiters.filter((w) => requests.length >= w.count)) {
      receivedWaiters.splice(receivedWaiters.indexOf(w), 1);
      w.resolve();
    }
    settledWaiters.push(
      new Promise<void>((resolve) => {
        if (res.destroyed) {
          recorded.abandoned = true;
          resolve();
          return;
        }
        res.on("close", () => {
          if (!res.writableFinished) recorded.abandoned = true;
          resolve();
        });
      }),
    );
  };

  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    script: (...replies) => {
      queue.push(...replies);
    },
    answer: (content, delayMs) => {
      queue.push({ kind: "content", content, ...(delayMs === undefined ? {} : { delayMs }) });
    },
    answerJson: (value, delayMs) => {
      queue.push({
        kind: "content",
        content: JSON.stringify(value),
        ...(delayMs === undefined ? {} : { delayMs }),
      });
    },
    fail: (status, message) => {
      queue.push({ kind: "error", status, ...(message === undefined ? {} : { message }) });
    },
    promptText: () =>
      requests
        .flatMap((r) => r.body.messages ?? [])
        .map((m) => (typeof m.content === "string" ? m.content : JSON.stringify(m.content)))
        .join("\n"),
    received: (count) =>
      requests.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => receivedWaiters.push({ count, resolve })),
    settled: (index) => settledWaiters[index] ?? Promise.reject(new Error(`no request ${index}`)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((e) => (e ? reject(e) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      raw += chunk;
    });
    req.on("end", () => resolve(raw));
    req.on("error", reject);
  });
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type = "server_error",
  code: string | null = null,
): void {
  if (res.destroyed) return;
  res
    .writeHead(status, { "content-type": "application/json", "x-request-id": `req_fake_error_${status}` })
    .end(JSON.stringify({ error: { message, type, param: null, code } }));
}

/** Rough token count: enough for `usage` to be plausible. */
const tokens = (text: string) => text.split(/\s+/).filter(Boolean).length;

function completion(id: number, model: string, reply: ContentReply, messages: readonly Message[]) {
  const promptTokens = messages.reduce(
    (n, m) => n + tokens(typeof m.content === "string" ? m.content : JSON.stringify(m.content)),
    0,
  );
  const completionTokens = tokens(reply.content);
  return {
    id: `chatcmpl-fake-${id}`,
    object: "chat.completion",
    created: CREATED + id,
    model,
    system_fingerprint: "fp_fake",
    service_tier: "default",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: reply.content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: reply.finishReason ?? "stop",
      },
    ],
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
      completion_tokens_details: {
        reasoning_tokens: 0,
        audio_tokens: 0,
        accepted_prediction_tokens: 0,
        rejected_prediction_tokens: 0,
      },
    },
  };
}
