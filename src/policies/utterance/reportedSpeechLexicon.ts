/**
 * The words of reported and corrected speech, per language (lower-cased text, whole words):
 * an agent who quotes what someone else told the customer in order to put it right ("my
 * colleague told you it had to be in writing, it doesn't") is not saying it. Used by
 * reportedSpeech.ts; regular expressions over `lowerSameLength(normalizeForMatching(text))`.
 */

export interface ReportedSpeechWords {
  /**
   * A reporting verb (or noun) that introduces someone else's words: "told you", "said",
   * "wrote", "you were told", "the letter says", "sa att", "hat Ihnen gesagt".
   */
  frame: RegExp;
  /**
   * A frame spoken by the agent now, not reported: "as I said", "I told you", "wie gesagt",
   * "som jag sa". Matched on the words up to and including a frame.
   */
  self: RegExp;
  /** Words that correct or retract what was reported: "it doesn't", "that's wrong", "det stämmer inte". */
  correction: RegExp;
}

/** The end of a clause: a punctuation mark or the end of the text. */
const CLAUSE_END = "(?=\\s*(?:[,.;:!?\u2014\u2013]|$))";
const words = (alternatives: readonly string[]): string => `(?:${alternatives.join("|")})`;
const whole = (alternatives: readonly string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${words(alternatives)}(?![\\p{L}\\p{N}])`, "gu");
const ending = (alternatives: readonly string[]): RegExp =>
  new RegExp(`(?<![\\p{L}\\p{N}])${words(alternatives)}\\s*$`, "u");

export const REPORTED_SPEECH: Readonly<Record<string, ReportedSpeechWords>> = {
  en: {
    frame: whole([
      "told you",
      "tells you",
      "said",
      "says",
      "say",
      "wrote",
      "writes",
      "mentioned",
      "claimed",
      "claims",
      "informed you",
      "you(?:'ve| have| had|'d)? been told",
      "you were told",
      "you(?:'d| had) read",
      "you read",
    ]),
    self: ending([
      "(?:i|we)(?: \\p{L}+)?(?: already)? (?:told you|said|say|wrote|mentioned)",
      "(?:i|we)'(?:ve|d) (?:already )?(?:told you|said|written|mentioned)",
      "as (?:i|we) (?:\\p{L}+ )?(?:said|told you|mentioned)",
    ]),
    correction: whole([
      // Only at a clause's end: "it doesn't, …" corrects; "it doesn't matter what you want" does not.
      `(?:it|you) (?:doesn't|does not|isn't|is not|don't|do not|won't|will not)(?: (?:have|need) to)?${CLAUSE_END}`,
      "(?:that|this|it)(?:'s| is| was) (?:\\p{L}+ )?(?:wrong|incorrect|not (?:right|true|correct|okay|ok|the case|how we)|untrue|out of date)",
      "(?:that|this|it) (?:isn't|wasn't) (?:\\p{L}+ )?(?:right|true|correct|okay|ok|the case|how we)",
      "(?:bad|wrong|incorrect|old) information",
      "misinformed",
      "(?:shouldn't|should not|should never) have (?:said|told you|written)",
      "(?:you can|feel free to|please|just) ignore",
      "not our (?:process|policy)",
    ]),
  },
  de: {
    frame: whole([
      "gesagt",
      "sagte",
      "sagt",
      "meinte",
      "gemeint",
      "schrieb",
      "geschrieben",
      "behauptet",
      "behauptete",
      "gelesen",
      "hieß es",
      "heißt es",
      "mitgeteilt",
      "erzählt",
    ]),
    self: ending([
      "wie gesagt",
      "wie (?:ich|wir) (?:\\p{L}+ )?(?:gesagt|geschrieben)",
      "(?:ich|wir) (?:habe|haben|hab) (?:\\p{L}+ )*(?:gesagt|geschrieben|mitgeteilt)",
      "(?:ich|wir) (?:sagte|sagten|schrieb|schrieben|meinte|sagt|sage|sagen)",
    ]),
    correction: whole([
      "(?:das|es) stimmt (?:so )?nicht",
      "(?:hatte|hat|hatten|haben) unrecht",
      "(?:ist|war) (?:\\p{L}+ )?falsch",
      "(?:ist|war) (?:\\p{L}+ )?nicht (?:mehr )?(?:so|richtig|korrekt)",
      "nicht mehr so",
      "(?:eine )?alte info\\p{L}*",
      "veraltet",
      "(?:können|könnt|kannst) (?:sie |du )?(?:\\p{L}+ )?ignorieren",
      "(?:hätte|hätten) (?:das )?(?:nie|nicht) (?:so )?(?:sagen|schreiben)",
      "müssen sie nicht",
      "brauchen sie nicht",
    ]),
  },
  sv: {
    frame: whole([
      "sa att",
      "sade att",
      "sagt att",
      "sa till dig",
      "skrev att",
      "skrivit att",
      "påstod",
      "hävdade",
      "stod att",
      "står att",
      "har sagt",
      "ämnesraden",
      "rubriken",
    ]),
    self: ending([
      "som sagt",
      "som (?:jag|vi) (?:\\p{L}+ )?(?:sa|sade|skrev|sagt)",
      "(?:jag|vi) (?:har )?(?:redan )?(?:sa|sade|sagt|skrev|skrivit)(?: till dig)?(?: att)?",
    ]),
    correction: whole([
      "(?:det|den|det där) stämmer inte",
      "stämmer inte",
      "det behöver du inte",
      "det måste du inte",
      "(?:det|den) (?:är|var) fel",
      "strunta i",
      "ignorera",
      "(?:skulle|borde) (?:aldrig|inte) ha (?:sagt|skrivit)",
      "inte så vi",
      "inte (?:okej|ok)",
    ]),
  },
};

/** Quotation marks: a quoted span is someone else's words. */
export const OPENING_QUOTES = `'"‘“„«‚`;
export const CLOSING_QUOTES = `'"’”“»‘`;
