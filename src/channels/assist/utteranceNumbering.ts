/**
 * Ids for utterances whose platform names none (Twilio's real-time transcription, generic events
 * sent without `utteranceId`): per session and speaker, the partials of one utterance and its
 * final share an id, and the next partial after a final starts a new one. So a partial followed
 * by its final is one utterance in the view, not two. Kept in memory, at most `maxStreams`
 * session-speaker pairs (the least recently used is forgotten).
 */
import type { AssistUtterance } from "../../assist/utterance.js";
import type { UtteranceDraft } from "./translation.js";

export class UtteranceNumbering {
  private readonly next = new Map<string, number>();

  constructor(private readonly maxStreams = 20_000) {}

  /** The drafts with every missing id filled in, in order. */
  assign(drafts: readonly UtteranceDraft[]): AssistUtterance[] {
    return drafts.map((d) => {
      if (d.utteranceId !== undefined) return { ...d, utteranceId: d.utteranceId };
      const key = `${d.sessionId}\u0000${d.speaker}`;
      const n = this.next.get(key) ?? 1;
      this.next.delete(key);
      if (this.next.size >= this.maxStreams) this.next.delete(this.next.keys().next().value!);
      this.next.set(key, d.final ? n + 1 : n);
      return { ...d, utteranceId: `${d.speaker}-${n}` };
    });
  }
}
