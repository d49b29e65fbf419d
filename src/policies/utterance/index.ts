/**
 * The utterance checker: tone rules (`tone:` section of a policy pack, compiled once) and
 * contradictions with the Decision, for bot messages before they are sent and for agent
 * speech in the assist card.
 */

export { checkSpeechWith, type SpeechContext, speechFindings } from "./checkSpeech.js";
export { checkUtterance, type UtteranceContext } from "./checkUtterance.js";
export type { Finding } from "./finding.js";
export type { Lemmatiser, SpeechSentence, SpeechToken } from "./speechMatch.js";
export {
  type CompiledTone,
  compileDefaultTone,
  compileTone,
  DEFAULT_TONE_FILE,
  ToneCategory,
  type ToneError,
  ToneFile,
  ToneSection,
  type ToneSource,
  UtteranceSpeaker,
} from "./toneSchema.js";
