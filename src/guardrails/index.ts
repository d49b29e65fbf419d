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
