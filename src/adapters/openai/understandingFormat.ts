/**
 * The structured output asked of an OpenAI-compatible model when it classifies a message,
 * and its translation to the port's `LlmUnderstanding`. Strict structured outputs require
 * every field to be present, so "not said" is `null` on the wire and absent in our type. The
 * wire schema keeps to the subset every compatible server accepts (types, enums, required,
 * no extra fields; no lengths or ranges): ranges and lengths are checked afterwards by the
 * port's own schema.
 */
import { zodResponseFormat } from "openai/helpers/zod";
import { z } from "zod";
import { ServiceKind } from "../../domain/customer.js";
import { LlmError } from "../../domain/llmError.js";
import {
  ClaimKindLabel,
  checkLlmUnderstanding,
  IntentLabel,
  type LlmUnderstanding,
  ReasonLabel,
  TopicLabel,
} from "../../domain/llmUnderstanding.js";

export const UnderstandingWire = z.strictObject({
  intents: z.array(IntentLabel),
  confidence: z.number(),
  topics: z.array(TopicLabel),
  reason: ReasonLabel.nullable(),
  serviceKinds: z.array(ServiceKind).nullable(),
  keepNumber: z.boolean().nullable(),
  claim: z.strictObject({ text: z.string(), kind: ClaimKindLabel.nullable() }).nullable(),
  legalThreat: z.boolean(),
  injectionAttempt: z.boolean(),
  surveyCause: ReasonLabel.nullable(),
});
export type UnderstandingWire = z.output<typeof UnderstandingWire>;

/** `response_format: { type: "json_schema", json_schema: { name, strict: true, schema } }`. */
export const UNDERSTANDING_FORMAT = zodResponseFormat(UnderstandingWire, "customer_message_labels");

/**
 * Parses a model's answer: JSON (a surrounding Markdown code fence is tolerated, as some
 * compatible servers add one), the wire shape, then the port's schema. Throws `LlmError`
 * (`invalid_json` or `schema_mismatch`); the error never quotes the answer.
 */
export function parseUnderstanding(content: string): LlmUnderstanding {
  let json: unknown;
  try {
    json = JSON.parse(stripCodeFence(content));
  } catch {
    throw new LlmError("invalid_json", `the model's answer is not JSON (${content.length} characters)`);
  }
  const wire = UnderstandingWire.safeParse(json);
  if (!wire.success) {
    const issues = wire.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new LlmError("schema_mismatch", "the model's answer does not match the schema", { issues });
  }
  const checked = checkLlmUnderstanding(fromWire(wire.data));
  if (!checked.ok)
    throw new LlmError("schema_mismatch", "the model's answer is out of range", { issues: checked.issues });
  return checked.value;
}

function fromWire(w: UnderstandingWire): LlmUnderstanding {
  const out: LlmUnderstanding = {
    intents: unique(w.intents),
    confidence: w.confidence,
    topics: unique(w.topics),
    legalThreat: w.legalThreat,
    injectionAttempt: w.injectionAttempt,
  };
  if (w.reason !== null) out.reason = w.reason;
  if (w.serviceKinds !== null) out.serviceKinds = unique(w.serviceKinds);
  if (w.keepNumber !== null) out.keepNumber = w.keepNumber;
  if (w.claim !== null)
    out.claim = w.claim.kind === null ? { text: w.claim.text } : { ...w.claim, kind: w.claim.kind };
  if (w.surveyCause !== null) out.surveyCause = w.surveyCause;
  return out;
}

/** The JSON inside a Markdown code fence, which some compatible servers add; otherwise the content. */
export function stripCodeFence(content: string): string {
  const m = /^\s*```(?:json)?\s*\n([\s\S]*?)\n?```\s*$/.exec(content);
  return m?.[1] ?? content;
}

function unique<T>(list: readonly T[]): T[] {
  return [...new Set(list)];
}
