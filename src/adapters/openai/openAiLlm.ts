/**
 * The `Llm` port over the official `openai` SDK's chat completions, for OpenAI or any
 * compatible server (Azure OpenAI's v1 endpoint, vLLM, Ollama …) at `baseURL`. SDK types and
 * errors stay in this folder: answers become `LlmUnderstanding` or text, failures `LlmError`.
 *
 * The SDK's defaults (2 retries, 10-minute timeout) suit batch jobs, not a customer waiting:
 * here there are no retries, the timeout is the caller's budget, and the caller's AbortSignal
 * is passed to every request.
 *
 * @example
 * import { OpenAiLlm } from "./openAiLlm.js";
 * const llm = new OpenAiLlm({ apiKey, baseURL: "http://127.0.0.1:11434/v1", model: "llama3.1", timeoutMs: 2000 });
 * const labels = await llm.understand({ text, expecting: "reason", language: "en" }, AbortSignal.timeout(2000));
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import type {
  ChatCompletion,
  ChatCompletionCreateParamsNonStreaming,
} from "openai/resources/chat/completions/completions";
import type {
  Llm,
  LlmRephraseRequest,
  LlmSummary,
  LlmSummaryRequest,
  LlmToneRequest,
  LlmToneVerdict,
  LlmUnderstanding,
  LlmUnderstandRequest,
} from "../../domain/llm.js";
import { LlmError } from "../../domain/llmError.js";
import { rephraseInstructions, understandInstructions } from "./prompts.js";
import { parseSummary, SUMMARY_FORMAT, summaryInput, summaryInstructions } from "./summaryFormat.js";
import { parseToneVerdict, TONE_VERDICT_FORMAT, toneJudgeInstructions } from "./toneVerdictFormat.js";
import { parseUnderstanding, UNDERSTANDING_FORMAT } from "./understandingFormat.js";

export interface OpenAiLlmOptions {
  apiKey: string;
  /** Undefined: https://api.openai.com/v1 (the OPENAI_BASE_URL variable is not read here). */
  baseURL?: string | undefined;
  model: string;
  /** The SDK's own timeout per request; the caller's budget normally aborts sooner. */
  timeoutMs: number;
  /** Sent only when set: some models (reasoning models) accept only their default. */
  temperature?: number;
}

export class OpenAiLlm implements Llm {
  readonly model: string;
  readonly #client: OpenAI;
  readonly #temperature: number | undefined;

  constructor(options: OpenAiLlmOptions) {
    this.model = options.model;
    this.#temperature = options.temperature;
    this.#client = new OpenAI({
      apiKey: options.apiKey,
      baseURL: options.baseURL ?? "https://api.openai.com/v1",
      // Read here, not from the environment behind config's back.
      organization: null,
      project: null,
      maxRetries: 0,
      timeout: options.timeoutMs,
    });
  }

  async understand(request: LlmUnderstandRequest, signal: AbortSignal): Promise<LlmUnderstanding> {
    const completion = await this.#complete(
      {
        model: this.model,
        messages: [
          { role: "system", content: understandInstructions(request) },
          { role: "user", content: request.text },
        ],
        response_format: UNDERSTANDING_FORMAT,
      },
      signal,
    );
    return parseUnderstanding(contentOf(completion));
  }

  async rephrase(request: LlmRephraseRequest, signal: AbortSignal): Promise<string> {
    const completion = await this.#complete(
      {
        model: this.model,
        messages: [
          { role: "system", content: rephraseInstructions(request) },
          { role: "user", content: request.text },
        ],
      },
      signal,
    );
    return unquote(contentOf(completion).trim());
  }

  /** The LLM judge of agent speech: tone problems with exact quotes (toneVerdictFormat.ts). */
  async judgeTone(request: LlmToneRequest, signal: AbortSignal): Promise<LlmToneVerdict> {
    const completion = await this.#complete(
      {
        model: this.model,
        messages: [
          { role: "system", content: toneJudgeInstructions(request) },
          { role: "user", content: request.text },
        ],
        response_format: TONE_VERDICT_FORMAT,
      },
      signal,
    );
    return parseToneVerdict(contentOf(completion));
  }

  /** A short summary of the customer's history and the call so far (summaryFormat.ts). */
  async summarise(request: LlmSummaryRequest, signal: AbortSignal): Promise<LlmSummary> {
    const completion = await this.#complete(
      {
        model: this.model,
        messages: [
          { role: "system", content: summaryInstructions(request) },
          { role: "user", content: summaryInput(request) },
        ],
        response_format: SUMMARY_FORMAT,
      },
      signal,
    );
    return parseSummary(contentOf(completion));
  }

  async #complete(
    body: ChatCompletionCreateParamsNonStreaming,
    signal: AbortSignal,
  ): Promise<ChatCompletion> {
    const params = this.#temperature === undefined ? body : { ...body, temperature: this.#temperature };
    try {
      return await this.#client.chat.completions.create(params, { signal });
    } catch (e) {
      throw toLlmError(e);
    }
  }
}

/** What `openAiLlmFrom` needs; `src/config.ts` parses it from the environment (`Config["llm"]`). */
export interface OpenAiLlmSettings {
  apiKey: string;
  baseURL: string | undefined;
  model: string;
  /** How long the caller waits; also the SDK's own timeout per request. */
  budgetMs: number;
}

/** An `OpenAiLlm` from the parsed settings, or undefined when no LLM is configured. */
export function openAiLlmFrom(config: OpenAiLlmSettings | undefined): OpenAiLlm | undefined {
  if (!config) return undefined;
  return new OpenAiLlm({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    model: config.model,
    timeoutMs: config.budgetMs,
  });
}

/** The text of the first choice, or why there is none. */
function contentOf(completion: ChatCompletion): string {
  const choice = completion.choices?.[0];
  if (!choice) throw new LlmError("empty", "the answer has no choices");
  if (choice.message.refusal) throw new LlmError("refused", "the model refused to answer");
  if (choice.finish_reason === "content_filter") throw new LlmError("refused", "the answer was filtered");
  if (choice.finish_reason === "length") throw new LlmError("truncated", "the answer was cut off");
  const content = choice.message.content;
  if (content === null || content === undefined || content.trim() === "")
    throw new LlmError("empty", "the answer has no content");
  return content;
}

/** Drops quotes some models put around the whole answer. */
function unquote(text: string): string {
  const m = /^(["“'])([\s\S]*)(["”'])$/.exec(text);
  return m?.[2] !== undefined && !/["“”]/.test(m[2]) ? m[2].trim() : text;
}

/** The SDK's errors in our words; the server's message text is not kept (it may echo input). */
export function toLlmError(e: unknown): LlmError {
  if (e instanceof LlmError) return e;
  if (e instanceof APIUserAbortError) return new LlmError("aborted", "the request was aborted", { cause: e });
  if (e instanceof APIConnectionTimeoutError)
    return new LlmError("timeout", "the request timed out", { cause: e });
  if (e instanceof APIConnectionError)
    return new LlmError("connection", "the LLM server could not be reached", { cause: e });
  if (e instanceof APIError) {
    const what = [e.type, e.code].filter((x) => typeof x === "string" && x !== "").join(" / ");
    return new LlmError("http", `the LLM server answered HTTP ${e.status}${what ? ` (${what})` : ""}`, {
      status: e.status,
    });
  }
  return new LlmError("connection", `the LLM call failed: ${e instanceof Error ? e.name : "unknown error"}`, {
    cause: e,
  });
}
