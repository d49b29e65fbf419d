/** The OpenAI adapter through the real SDK against the loopback fake: wire format and errors. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OpenAiLlm, openAiLlmFrom } from "../../../src/adapters/openai/openAiLlm.js";
import { LlmError } from "../../../src/domain/llmError.js";
import { FAKE_API_KEY, type FakeOpenAi, startFakeOpenAi } from "../../support/fakeOpenAi.js";
import { llmFor, modelSaid, TEST_MODEL } from "./support.js";

const ASK = {
  text: "the salesman promised no fee, I'm off to another provider",
  expecting: "reason",
  language: "en",
} as const;
const REPHRASE = { text: "Your fee is £45.00.", locale: "en-GB", purpose: "state the fee" };

let fake: FakeOpenAi;
let llm: OpenAiLlm;
const signal = () => new AbortController().signal;

beforeEach(async () => {
  fake = await startFakeOpenAi();
  llm = llmFor(fake);
});
afterEach(() => fake.close());

/** The LlmError a call rejects with. */
async function failure(call: Promise<unknown>): Promise<LlmError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LlmError);
  return error as LlmError;
}

describe("OpenAiLlm.understand", () => {
  it("asks for strict structured output and returns the validated labels", async () => {
    fake.answerJson(
      modelSaid({
        intents: ["cancel", "give_reason"],
        confidence: 0.85,
        reason: "switching_provider",
        claim: { text: "a salesperson promised no fee", kind: "fee_waiver" },
        topics: ["fee"],
      }),
    );

    const labels = await llm.understand(ASK, signal());

    expect(labels).toEqual({
      intents: ["cancel", "give_reason"],
      confidence: 0.85,
      topics: ["fee"],
      reason: "switching_provider",
      claim: { text: "a salesperson promised no fee", kind: "fee_waiver" },
      legalThreat: false,
      injectionAttempt: false,
    });
    const [request] = fake.requests;
    expect(request?.path).toBe("/v1/chat/completions");
    expect(request?.authorization).toBe(`Bearer ${FAKE_API_KEY}`);
    expect(request?.body.model).toBe(TEST_MODEL);
    expect(request?.body.messages?.map((m) => m.role)).toEqual(["system", "user"]);
    expect(request?.body.messages?.[1]?.content).toBe(ASK.text);
    expect(request?.body.messages?.[0]?.content).toContain("ask_person");
    const format = request?.body.response_format;
    expect(format?.type).toBe("json_schema");
    expect(format?.json_schema?.strict).toBe(true);
    expect(format?.json_schema?.name).toBe("customer_message_labels");
    expect(format?.json_schema?.schema).toMatchObject({
      type: "object",
      additionalProperties: false,
      required: expect.arrayContaining(["intents", "confidence", "reason", "claim", "injectionAttempt"]),
    });
  });

  it("tolerates a Markdown code fence around the JSON", async () => {
    fake.answer(`\`\`\`json\n${JSON.stringify(modelSaid({ intents: ["ask_person"] }))}\n\`\`\``);
    expect((await llm.understand(ASK, signal())).intents).toEqual(["ask_person"]);
  });

  it("rejects content that is not JSON", async () => {
    fake.answer("Sure! The customer wants to cancel.");
    const e = await failure(llm.understand(ASK, signal()));
    expect(e.code).toBe("invalid_json");
    expect(e.message).not.toContain("Sure");
  });

  it.each([
    ["an unknown label", { intents: ["cancel_everything"] }, "intents.0"],
    ["a missing field", { injectionAttempt: undefined }, "injectionAttempt"],
    ["an extra field", { waiveFee: true }, "waiveFee"],
    ["a confidence out of range", { confidence: 1.5 }, "confidence"],
    ["no intent", { intents: [] }, "intents"],
  ])("rejects %s as a schema mismatch", async (_what, overrides, path) => {
    fake.answerJson({ ...modelSaid(), ...overrides });
    const e = await failure(llm.understand(ASK, signal()));
    expect(e.code).toBe("schema_mismatch");
    expect(e.details.issues?.join("\n")).toContain(path);
  });

  it("reports a truncated answer", async () => {
    fake.script({ kind: "content", content: '{"intents": ["can', finishReason: "length" });
    expect((await failure(llm.understand(ASK, signal()))).code).toBe("truncated");
  });
});

describe("OpenAiLlm.rephrase", () => {
  it("sends the template as the user message and returns plain text", async () => {
    fake.answer('  "The fee for leaving is £45.00."  ');
    expect(await llm.rephrase(REPHRASE, signal())).toBe("The fee for leaving is £45.00.");
    const body = fake.requests[0]?.body;
    expect(body?.response_format).toBeUndefined();
    expect(body?.messages?.[1]).toEqual({ role: "user", content: REPHRASE.text });
    expect(body?.messages?.[0]?.content).toContain("en-GB");
    expect(body?.messages?.[0]?.content).toContain("state the fee");
  });

  it("reports an empty answer", async () => {
    fake.answer("   ");
    expect((await failure(llm.rephrase(REPHRASE, signal()))).code).toBe("empty");
  });
});

describe("OpenAiLlm errors", () => {
  it("turns an HTTP 500 into an LlmError without retrying", async () => {
    fake.fail(500, "The server had an error while processing your request.");
    const e = await failure(llm.rephrase(REPHRASE, signal()));
    expect(e.code).toBe("http");
    expect(e.status).toBe(500);
    expect(fake.requests).toHaveLength(1);
  });

  it("turns a wrong key into HTTP 401", async () => {
    const wrong = new OpenAiLlm({
      apiKey: "sk-wrong",
      baseURL: fake.baseURL,
      model: TEST_MODEL,
      timeoutMs: 5000,
    });
    const e = await failure(wrong.rephrase(REPHRASE, signal()));
    expect(e).toMatchObject({ code: "http", status: 401 });
    expect(e.message).toContain("invalid_api_key");
  });

  it("passes the caller's AbortSignal to the request", async () => {
    fake.answer("too late", 60_000);
    const controller = new AbortController();
    const call = llm.rephrase(REPHRASE, controller.signal);
    await fake.received(1);
    controller.abort();
    expect((await failure(call)).code).toBe("aborted");
    await fake.settled(0);
    expect(fake.requests[0]?.abandoned).toBe(true);
  });

  it("uses its own timeout instead of the SDK's ten minutes", async () => {
    fake.answer("too late", 60_000);
    const impatient = llmFor(fake, 50);
    expect((await failure(impatient.rephrase(REPHRASE, signal()))).code).toBe("timeout");
    expect(fake.requests).toHaveLength(1);
  });

  it("reports a server it cannot reach", async () => {
    const gone = await startFakeOpenAi();
    const unreachable = llmFor(gone);
    await gone.close();
    expect((await failure(unreachable.rephrase(REPHRASE, signal()))).code).toBe("connection");
  });
});

describe("openAiLlmFrom", () => {
  it("builds no LLM without configuration, and one from a configuration", () => {
    expect(openAiLlmFrom(undefined)).toBeUndefined();
    const built = openAiLlmFrom({ apiKey: "k", baseURL: fake.baseURL, model: "m", budgetMs: 2000 });
    expect(built).toBeInstanceOf(OpenAiLlm);
    expect(built?.model).toBe("m");
  });
});
