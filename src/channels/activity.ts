/**
 * The Bot Framework activity shapes FairExit reads and writes, as plain data. The botbuilder
 * adapter and the Direct Line endpoint both speak them; neither this file nor its users import
 * an SDK, so the channel logic survives a move off botbuilder.
 */
import { z } from "zod";

export const MAX_MESSAGE_LENGTH = 4000;

/** What FairExit reads from an incoming activity (`pickIncoming` takes just these fields). */
export const IncomingActivity = z.object({
  type: z.string().min(1, "expected an activity type"),
  text: z.string().max(MAX_MESSAGE_LENGTH, `expected at most ${MAX_MESSAGE_LENGTH} characters`).optional(),
  /** Adaptive Card Action.Submit (Teams, Web Chat) posts the button's data here. */
  value: z.unknown().optional(),
  membersAdded: z.array(z.object({ id: z.string() })).optional(),
});
export type IncomingActivity = z.infer<typeof IncomingActivity>;

/** The fields of a posted activity FairExit reads, so validation never walks the rest. */
export function pickIncoming(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object") return raw;
  const { type, text, value, membersAdded } = raw as Record<string, unknown>;
  return {
    type,
    text,
    value,
    membersAdded: Array.isArray(membersAdded) ? membersAdded.map(idOnly) : membersAdded,
  };
}

const idOnly = (m: unknown): unknown =>
  m !== null && typeof m === "object" ? { id: (m as { id?: unknown }).id } : m;

/**
 * The envelope every activity posted to /api/messages must have (Bot Framework Activity
 * schema): checked before botbuilder sees it, so a malformed request gets a 400 naming the
 * field instead of an internal error. Checked on `pickEnvelope`'s few fields, not the whole
 * activity (channelData, entities, attachments …), which would be walked and copied for nothing.
 */
export const ActivityEnvelope = z.object({
  type: z.string({ error: "expected the activity type (a string)" }).min(1, "expected the activity type"),
  channelId: z.string({ error: "expected the channel id" }).min(1, "expected the channel id"),
  serviceUrl: z
    .string({ error: "expected the channel's serviceUrl" })
    .min(1, "expected the channel's serviceUrl"),
  conversation: z.object({ id: z.string({ error: "expected the conversation id" }).min(1) }),
  from: z.object({ id: z.string({ error: "expected the sender id" }) }),
  recipient: z.object({ id: z.string({ error: "expected the recipient (bot) id" }) }).optional(),
});

/** The fields of a posted activity the envelope check reads. */
export function pickEnvelope(raw: unknown): unknown {
  if (raw === null || typeof raw !== "object") return raw;
  const { type, channelId, serviceUrl, conversation, from, recipient } = raw as Record<string, unknown>;
  return {
    type,
    channelId,
    serviceUrl,
    conversation: idOnly(conversation),
    from: idOnly(from),
    recipient: recipient === undefined ? undefined : idOnly(recipient),
  };
}

/** Machine-readable data on every bot reply, for integrators (channelData.fairexit). */
export interface FairExitChannelData {
  conversationId: string;
  stage: string;
  expecting: string;
  /** Obligations (disclosures) this very message discharged. */
  discharges: string[];
  card?: string;
}

export interface AdaptiveCardAttachment {
  contentType: "application/vnd.microsoft.card.adaptive";
  content: Record<string, unknown>;
}

export interface ReplyActivity {
  type: "message";
  text: string;
  textFormat: "plain";
  inputHint: "acceptingInput" | "expectingInput" | "ignoringInput";
  attachments?: AdaptiveCardAttachment[];
  suggestedActions?: { actions: { type: "imBack"; title: string; value: string }[] };
  channelData: { fairexit: FairExitChannelData };
}
