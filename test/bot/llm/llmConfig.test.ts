import { describe, expect, it } from "vitest";
import { LlmEnv, llmConfigFrom, NO_API_KEY } from "../../../src/config.js";

describe("LlmEnv and llmConfigFrom", () => {
  it("configures no LLM when neither a key nor a base URL is set", () => {
    expect(llmConfigFrom(LlmEnv.parse({}))).toBeUndefined();
  });

  it("defaults the model and the budget", () => {
    expect(llmConfigFrom(LlmEnv.parse({ OPENAI_API_KEY: "sk-test" }))).toEqual({
      apiKey: "sk-test",
      baseURL: undefined,
      model: "gpt-4o-mini",
      budgetMs: 2000,
    });
  });

  it("accepts a compatible server without a key", () => {
    const env = LlmEnv.parse({
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1",
      OPENAI_MODEL: "llama3.1",
      FAIREXIT_LLM_BUDGET_MS: "1500",
    });
    expect(llmConfigFrom(env)).toEqual({
      apiKey: NO_API_KEY,
      baseURL: "http://127.0.0.1:11434/v1",
      model: "llama3.1",
      budgetMs: 1500,
    });
  });

  it.each([
    [{ OPENAI_BASE_URL: "ftp://example.com" }, "OPENAI_BASE_URL", "http(s) URL"],
    [{ OPENAI_BASE_URL: "not a url" }, "OPENAI_BASE_URL", "http(s) URL"],
    [{ FAIREXIT_LLM_BUDGET_MS: "soon" }, "FAIREXIT_LLM_BUDGET_MS", "milliseconds"],
    [{ FAIREXIT_LLM_BUDGET_MS: "10" }, "FAIREXIT_LLM_BUDGET_MS", "at least 100"],
    [{ FAIREXIT_LLM_BUDGET_MS: "120000" }, "FAIREXIT_LLM_BUDGET_MS", "a customer is waiting"],
  ])("rejects %j naming the variable", (env, variable, message) => {
    const parsed = LlmEnv.safeParse(env);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual([variable]);
    expect(issue?.message).toContain(message);
  });
});
