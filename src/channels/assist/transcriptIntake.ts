/**
 * Where every transcript source's translation meets the desk. A request is taken whole or not
 * at all: the translation (which throws TranscriptPayloadError on a malformed payload), the
 * customers it names and every utterance are checked before the first one reaches the desk, so
 * a refused request stores nothing. Then: sessions the platform started are opened, the
 * utterances heard in order, sessions it stopped ended. The agent the request names (the `agent`
 * query parameter) goes with every session it opens and every utterance that names none.
 */
import type { AssistDesk } from "../../assist/desk.js";
import { AssistUtterance } from "../../assist/utterance.js";
import { type DeskAnswer, deskCall } from "./deskCall.js";
import { TranscriptPayloadError } from "./transcriptPayloadError.js";
import type { Translation } from "./translation.js";
import { UtteranceNumbering } from "./utteranceNumbering.js";

export interface IntakeReceipt {
  accepted: number;
  /** Each session the request touched, with the version of its newest view. */
  sessions: { sessionId: string; version: number }[];
}

export class TranscriptIntake {
  private readonly numbering = new UtteranceNumbering();

  constructor(
    private readonly desk: AssistDesk,
    private readonly customerExists: (customerId: string) => Promise<boolean>,
  ) {}

  async accept(source: string, translate: () => Translation): Promise<DeskAnswer<IntakeReceipt>> {
    let translation: Translation;
    try {
      translation = translate();
    } catch (e) {
      if (e instanceof TranscriptPayloadError) return refused(e.message);
      throw e;
    }
    const named = new Set(translation.utterances.flatMap((u) => (u.customerId ? [u.customerId] : [])));
    for (const customerId of named)
      if (!(await this.customerExists(customerId))) return refused(`customerId: no customer ${customerId}`);
    const agentId = translation.agentId;
    const utterances = this.numbering.assign(
      agentId === undefined
        ? translation.utterances
        : translation.utterances.map((u) => ({ ...u, agentId: u.agentId ?? agentId })),
    );
    for (const [i, u] of utterances.entries()) {
      const checked = AssistUtterance.safeParse(u);
      if (!checked.success) {
        const issue = checked.error.issues[0]!;
        return refused(`utterance ${i + 1}: ${issue.path.join(".")}: ${issue.message}`);
      }
    }
    return deskCall(async () => {
      const agent = agentId === undefined ? {} : { agent: { id: agentId, via: "platform" as const } };
      for (const sessionId of translation.started) await this.desk.open({ sessionId, source, ...agent });
      const views = await this.desk.hearAll(utterances);
      for (const sessionId of translation.stopped)
        if (this.desk.view(sessionId)) await this.desk.end(sessionId);
      const latest = new Map(views.map((v) => [v.sessionId, v.version]));
      return {
        accepted: utterances.length,
        sessions: [...latest].map(([sessionId, version]) => ({ sessionId, version })),
      };
    });
  }
}

const refused = (message: string): DeskAnswer<never> => ({
  ok: false,
  status: 400,
  code: "BadPayload",
  message,
});
