/**
 * The guardrails the bot and agent assist share, behind one entry point: whatever either
 * says (or an agent is about to say) is checked the same way.
 *
 * - the utterance checker: tone and contradictions with the Decision (`checkUtterance`). It is
 *   compiled with the policy (the pack's `tone:` section), so its code lives in
 *   `src/policies/utterance`; import it from here, never from that folder;
 * - the obligation ledger: what the customer has been told and offered (`./ledger.ts`; the
 *   saved record `Ledger` is vocabulary, in `src/domain/ledger.ts`);
 * - redaction of personal data before any text reaches an LLM (`./redactForLlm.ts`).
 *
 * `test/architecture.test.ts` fails when code outside this folder imports the files behind it.
 *
 * @example
 * import { checkUtterance, discharge, redactForLlm } from "../guardrails/index.js";
 * const findings = checkUtterance(policy, text, { speaker: "agent", decision, ledger });
 */
export { checkUtterance, type Finding, type UtteranceContext } from "../policies/utterance/index.js";

import {
  type CompiledTone,
  checkSpeechWith,
  type Finding,
  type SpeechContext,
} from "../policies/utterance/index.js";
import { lemmatise } from "./speech/lemmatise.js";
import { type LoadedSpeechModel, modelHit } from "./speech/speechModel.js";

export type { SpeechContext } from "../policies/utterance/index.js";
export { type JudgedFinding, type JudgeOptions, judgeSpeech } from "./speech/llmJudge.js";
export {
  type LoadedSpeechModel,
  type ModelHit,
  modelHit,
  readSpeechModel,
  SpeechModel,
} from "./speech/speechModel.js";
/**
 * For free human speech (agent assist): `checkUtterance`'s findings plus the tone's speech
 * patterns over lemmas (wink-nlp for English, `./speech/lemmatise.ts`), deduplicated, in text
 * order. The bot keeps `checkUtterance` for its own messages.
 *
 * When the policy carries the learned tone model (`speechModel`, read from
 * `policies/tone/speech-model.json` with `readSpeechModel`), an agent's words it flags add a
 * finding `tone.<category>.model` (unless a tone finding already covers them); `{ model: false }`
 * turns it off.
 */
export function checkSpeech(
  policy: { tone: CompiledTone; speechModel?: LoadedSpeechModel | undefined },
  text: string,
  ctx: SpeechContext,
  options: { model?: boolean } = {},
): Finding[] {
  const split = new Map<string, ReturnType<typeof lemmatise>>();
  const once = (t: string, lang: string): ReturnType<typeof lemmatise> => {
    if (t !== text) return lemmatise(t, lang);
    const known = split.get(lang) ?? lemmatise(t, lang);
    split.set(lang, known);
    return known;
  };
  const found = checkSpeechWith(once, policy, text, ctx);
  const model = policy.speechModel;
  if (options.model === false || !model || ctx.speaker !== "agent") return found;
  const hit = modelHit(model, once, text, ctx.lang ?? "en");
  const category = hit && policy.tone.categories.find((c) => c.id === hit.category);
  if (!hit || !category?.speakers.includes(ctx.speaker)) return found;
  if (found.some((f) => f.kind === "tone" && f.span.start < hit.span.end && hit.span.start < f.span.end))
    return found;
  const quote = text.slice(hit.span.start, hit.span.end);
  const finding: Finding = {
    kind: "tone",
    category: category.id,
    ruleId: `tone.${category.id}.model`,
    span: { ...hit.span, text: quote },
    message: `${category.description} "${quote}" (reads as ${category.id.replaceAll("_", " ")}, model score ${hit.score.toFixed(2)}; ${category.citation})`,
    alternative: category.alternative,
  };
  return [...found, finding].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
export {
  discharge,
  dischargeOf,
  hasDeclined,
  hashText,
  isDischarged,
  type MessageRef,
  obligationsRenderedIn,
  offersMade,
  pendingBefore,
  type RenderedObligations,
  readyToExecute,
  recordDecline,
  recordOffer,
  STAGES,
  type UnmatchedObligation,
} from "./ledger.js";
export {
  createRedactor,
  type PiiKind,
  PLACEHOLDER,
  placeholdersIn,
  type Redactor,
  type RedactorOptions,
  redactForLlm,
} from "./redactForLlm.js";
