/**
 * What the bot says in one turn: one or more messages, each plain text with optional
 * structure (a card) and machine-readable data for integrators (stage, obligations the
 * message discharged). Channels render cards; the text always stands alone.
 */
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
  rephrasable?: boolean;
}

export interface BotTurn {
  conversationId: string;
  stage: BotStage;
  /** What the bot asked last (account_number, confirm, offer …), for channels and integrators. */
  expecting: string;
  messages: BotMessage[];
}

export const say = (text: string, extra: Partial<BotMessage> = {}): BotMessage => ({
  text,
  discharges: [],
  ...extra,
});

/** One of the bot's own phrases (not policy text): an LLM, when configured, may reword it. */
export const phrase = (text: string, extra: Partial<BotMessage> = {}): BotMessage =>
  say(text, { rephrasable: true, ...extra });
