/**
 * What a German or Swedish customer receives, checked as they read it: every message, every
 * card (through the channel's Adaptive Card and quick replies) and the receipt, for English
 * words, English-style amounts and dates, and amounts that are not the decision's.
 */
import type { BotTurn } from "../../../src/bot/botReply.js";
import { replyActivities } from "../../../src/channels/replyActivities.js";
import type { Language } from "../../../src/domain/language.js";
import { moneyMentions } from "../../../src/policies/utterance/money.js";

/** Words only English uses: a German or Swedish reply containing one is not in the customer's language. */
export const ENGLISH_ONLY =
  /\b(the|your|you|you're|and|what|which|please|thanks|cancel|cancelled|owe|leaving|ends|will|we|is|of)\b/i;
/** Amounts written the English way: "£12.50", "4,041.00 SEK", "12.00 EUR". */
const ENGLISH_MONEY = /[£$€]\d|\d\.\d{2} ?(?:SEK|EUR|GBP|USD)\b|\d,\d{3}\.\d{2}/;
/** English dates: weekdays and the months German does not share (April, August … are German too). */
const ENGLISH_DATE =
  /\b(January|February|March|May|June|July|October|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/** Every text of a card (headings, fact titles and values, button titles), not its data. */
function cardTexts(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const n of node) cardTexts(n, out);
  else if (node && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (k === "data") continue;
      if (typeof v === "string" && (k === "text" || k === "title" || k === "value")) out.push(v);
      else cardTexts(v, out);
    }
  return out;
}

export interface Read {
  kind: "message" | "card" | "card button" | "quick reply";
  text: string;
  /** The card the message came with, if any (review, confirm, offer, receipt, handover). */
  card?: string;
}

/** What the customer reads of one bot turn over a channel: texts, cards and quick replies. */
export function whatTheCustomerReads(turn: BotTurn): Read[] {
  const out: Read[] = [];
  for (const a of replyActivities(turn)) {
    const card = a.channelData.fairexit.card;
    const add = (kind: Read["kind"], text: string) => out.push({ kind, text, ...(card ? { card } : {}) });
    add("message", a.text);
    for (const att of a.attachments ?? []) {
      for (const t of cardTexts(att.content.body)) add("card", t);
      for (const t of cardTexts(att.content.actions)) add("card button", t);
    }
    for (const s of a.suggestedActions?.actions ?? []) add("quick reply", s.title);
  }
  return out;
}

/**
 * Everything not in `language` that a customer read: English words, amounts or dates written
 * the English way. Names the customer gave or that are on record (quoted promises, plans,
 * devices, the company's name) are not words of the bot and are left out.
 */
export function notInLanguage(turns: readonly BotTurn[], language: Language): string[] {
  if (language === "en") return [];
  const found: string[] = [];
  for (const turn of turns)
    for (const { kind, text } of whatTheCustomerReads(turn)) {
      const own = text.replace(/"[^"]*"|„[^“]*“|FairExit\S*/g, "");
      if (ENGLISH_ONLY.test(own) || ENGLISH_MONEY.test(own) || ENGLISH_DATE.test(own))
        found.push(`${kind}: ${text}`);
      if (turn.language !== language) found.push(`${kind} in ${turn.language}: ${text}`);
    }
  return found;
}

/**
 * Every amount a customer read that is not one of `allowed` (the decision's totals, amounts due
 * and waived). An offer's own amounts (a discount) are the offer checker's to compare.
 */
export function amountsNotDecided(turns: readonly BotTurn[], allowed: readonly number[]): string[] {
  const out: string[] = [];
  for (const turn of turns)
    for (const { kind, text, card } of whatTheCustomerReads(turn))
      if (card !== "offer")
        for (const m of moneyMentions(text.toLowerCase()))
          if (!allowed.some((a) => Math.abs(a - m.amount) < 0.005))
            out.push(`${kind}: ${m.amount} in "${text}"`);
  return out;
}
