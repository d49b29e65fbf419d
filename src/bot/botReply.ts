/**
 * What the bot says in one turn: one or more messages, each plain text with optional
 * structure (a card) and machine-readable data for integrators (stage, obligations the
 * message discharged). Channels render cards; the text always stands alone.
 */
import type { Language } from "../domain/language.js";
import type { BotStage } from "./conversationState.js";

export type CardKind = "review" | "confirm" | "receipt" | "offer" | "handover";

export interface BotMessage {
  text: string;
  /** Obligation ids this message discharges (its text contains their rendered message). */
  discharges: string[];
  card?: { kind: CardKind; data: Record<string, unknown> };
  /** Quick replies the channel may show as buttons. */
  suggestions?: string[];
  /**
   * The bot's own words, which an LLM may reword. Disclosures, waiver reasons, offers and the
   * receipt are policy text and are always said verbatim.
   */
  rewordable?: boolean;
}

export interface BotTurn {
  conversationId: string;
  stage: BotStage;
  /** What the bot asked last (account_number, confirm, offer …), for channels and integrators. */
  expecting: string;
  /** The language the messages are in (channels word their cards in it too); absent: English. */
  language?: Language;
  messages: BotMessage[];
}

/** Policy text or exact facts (a disclosure, an offer, the receipt): said as it is, never reworded. */
export const verbatim = (text: string, extra: Partial<BotMessage> = {}): BotMessage => ({
  text,
  discharges: [],
  ...extra,
});

/** One of the bot's own sentences (not policy text): an LLM, when configured, may reword it. */
export const rewordable = (text: string, extra: Partial<BotMessage> = {}): BotMessage =>
  verbatim(text, { rewordable: true, ...extra });
