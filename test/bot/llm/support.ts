/** Shared setup for the LLM tests: the default tone, rules' understandings, the fake server. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import { OpenAiLlm } from "../../../src/adapters/openai/openAiLlm.js";
import type { UnderstandingWire } from "../../../src/adapters/openai/understandingFormat.js";
import type { Understanding } from "../../../src/domain/understanding.js";
import {
  type CompiledTone,
  checkUtterance,
  compileDefaultTone,
} from "../../../src/policies/utterance/index.js";
import { FAKE_API_KEY, type FakeOpenAi } from "../../support/fakeOpenAi.js";

let tone: CompiledTone | undefined;

/** `policies/tone/default-tone.yaml`, compiled once. */
export function defaultTone(): CompiledTone {
  if (tone) return tone;
  const file = fileURLToPath(new URL("../../../policies/tone/default-tone.yaml", import.meta.url));
  const result = compileDefaultTone(parse(readFileSync(file, "utf8")));
  if (Array.isArray(result)) throw new Error(result.map((e) => `${e.path}: ${e.message}`).join("\n"));
  tone = result;
  return result;
}

/** The bot's tone check, as `phraseWithLlm` takes it. */
export const botToneCheck = (text: string) =>
  checkUtterance({ tone: defaultTone() }, text, { speaker: "bot" });

/** What the deterministic understander might say when it is unsure. */
export function rulesSaid(overrides: Partial<Understanding> = {}): Understanding {
  return {
    intents: ["unknown"],
    confidence: 0.3,
    language: "en",
    topics: [],
    legalThreat: false,
    injectionAttempt: false,
    source: "rules",
    ...overrides,
  };
}

/** A complete structured answer as a model sends it (every field present, null = not said). */
export function modelSaid(overrides: Partial<UnderstandingWire> = {}): UnderstandingWire {
  return {
    intents: ["cancel"],
    confidence: 0.9,
    topics: [],
    reason: null,
    serviceKinds: null,
    keepNumber: null,
    claim: null,
    legalThreat: false,
    injectionAttempt: false,
    surveyCause: null,
    ...overrides,
  };
}

export const TEST_MODEL = "gpt-test-mini";

/** The real adapter pointed at the fake server; a generous SDK timeout (budgets are the bot's). */
export function llmFor(fake: FakeOpenAi, timeoutMs = 20_000): OpenAiLlm {
  return new OpenAiLlm({ apiKey: FAKE_API_KEY, baseURL: fake.baseURL, model: TEST_MODEL, timeoutMs });
}

/** Personal data used across the tests; none of it may appear in any prompt. */
export const CUSTOMER = {
  names: ["Anna-Karin Svensson"],
  email: "anna.karin@example.se",
  phone: "+46 70-123 45 67",
  ukPhone: "07700 900123",
  postcode: "SW1A 1AA",
  sePostcode: "123 45",
  account: "ACC-00123456",
  card: "4111 1111 1111 1111",
  imei: "35-209900-176148-1",
};

/** A customer message carrying all of `CUSTOMER`'s personal data. */
export const MESSAGE_WITH_PII =
  `Hi, I'm Anna-Karin Svensson (${CUSTOMER.email}, ${CUSTOMER.phone} or ${CUSTOMER.ukPhone}), ` +
  `account ${CUSTOMER.account}, postcode ${CUSTOMER.postcode}, moving to ${CUSTOMER.sePostcode}. ` +
  `Card ${CUSTOMER.card}, phone IMEI ${CUSTOMER.imei}. Honestly not sure what to do, maybe stop it all?`;

/** The pieces of `CUSTOMER` a prompt must not contain. */
export const PII_PIECES = [
  "Anna",
  "Karin",
  "Svensson",
  CUSTOMER.email,
  CUSTOMER.phone,
  "70-123",
  CUSTOMER.ukPhone,
  "900123",
  CUSTOMER.postcode,
  CUSTOMER.sePostcode,
  "00123456",
  CUSTOMER.card,
  "1111",
  CUSTOMER.imei,
  "176148",
];
