/**
 * Adaptive Cards (schema 1.5: Teams, Web Chat, Outlook) for the bot's structured messages: the
 * review summary, the confirmation with its two equal buttons, the offer (as easy to refuse as
 * to take), the receipt and the hand-over. The message text stays the activity's text and the
 * card's fallback, so a channel without cards loses nothing. Labels, amounts and dates are in the
 * conversation's language, from the bot's catalogs (src/bot/words).
 */
import { z } from "zod";
import type { BotMessage } from "../bot/botReply.js";
import { type Words, wordsFor } from "../bot/words/index.js";
import type { Language } from "../domain/language.js";
import type { AdaptiveCardAttachment } from "./activity.js";
import type { CardSubmit } from "./incomingText.js";

const Totals = z.array(z.object({ currency: z.string(), amount: z.number() }));
const ReviewData = z.object({
  services: z.array(
    z.object({
      kind: z.string(),
      endDate: z.string(),
      totalDue: z.number(),
      currency: z.string(),
      waived: z.array(z.object({ amount: z.number() })),
    }),
  ),
  totals: Totals,
});
const ReceiptData = z.object({ reference: z.string(), sha256: z.string(), totals: Totals });
const ConfirmData = z.object({ totals: Totals });
const HandoverData = z.object({ handoverId: z.string() });

type Element = Record<string, unknown>;

const heading = (text: string): Element => ({
  type: "TextBlock",
  text,
  weight: "Bolder",
  size: "Medium",
  wrap: true,
  style: "heading",
});
const facts = (pairs: [string, string][]): Element => ({
  type: "FactSet",
  facts: pairs.map(([title, value]) => ({ title, value })),
});

/** Every button submits the words it shows, so typing them does exactly the same. */
function buttons(labels: readonly string[]): Element[] {
  return labels.map((title) => ({
    type: "Action.Submit",
    title,
    data: { reply: title } satisfies CardSubmit,
  }));
}

function reviewBody(data: z.infer<typeof ReviewData>, words: Words): Element[] {
  const label = words.card;
  const body: Element[] = [heading(label.reviewHeading)];
  for (const s of data.services) {
    const waived = s.waived.reduce((sum, w) => sum + w.amount, 0);
    const rows: [string, string][] = [
      [label.ends, words.date(s.endDate)],
      [label.youOwe, words.money(s.totalDue, s.currency)],
    ];
    if (waived > 0) rows.push([label.waived, words.money(waived, s.currency)]);
    body.push({
      type: "TextBlock",
      text: words.kindName(s.kind),
      weight: "Bolder",
      wrap: true,
      spacing: "Medium",
    });
    body.push(facts(rows));
  }
  body.push(facts([[label.totalForLeaving, words.totals(data.totals)]]));
  return body;
}

/** The card body for a message, or undefined when it has none (or its data is not as expected). */
function cardBody(message: BotMessage, words: Words): { body: Element[]; actions: Element[] } | undefined {
  const label = words.card;
  const card = message.card;
  if (!card) return undefined;
  const suggestions = message.suggestions ?? [];
  switch (card.kind) {
    case "review": {
      const data = ReviewData.safeParse(card.data);
      return data.success ? { body: reviewBody(data.data, words), actions: [] } : undefined;
    }
    case "confirm": {
      const data = ConfirmData.safeParse(card.data);
      if (!data.success) return undefined;
      return {
        body: [
          heading(label.confirmHeading),
          facts([[label.totalForLeaving, words.totals(data.data.totals)]]),
        ],
        actions: buttons(suggestions),
      };
    }
    case "offer":
      return { body: [heading(label.offerHeading)], actions: buttons(suggestions) };
    case "receipt": {
      const data = ReceiptData.safeParse(card.data);
      if (!data.success) return undefined;
      return {
        body: [
          heading(label.receiptHeading),
          facts([
            [label.reference, data.data.reference],
            [label.totalForLeaving, words.totals(data.data.totals)],
            [label.fingerprint, `SHA-256 ${data.data.sha256.slice(0, 16)}…`],
          ]),
          { type: "TextBlock", text: label.copyByEmail, wrap: true, isSubtle: true },
        ],
        actions: [],
      };
    }
    case "handover": {
      const data = HandoverData.safeParse(card.data);
      if (!data.success) return undefined;
      return {
        body: [heading(label.handoverHeading), facts([[label.yourReference, data.data.handoverId]])],
        actions: [],
      };
    }
  }
}

/** The Adaptive Card attachment for a message, when it has a card, labelled in `language`. */
export function adaptiveCardFor(
  message: BotMessage,
  language: Language = "en",
): AdaptiveCardAttachment | undefined {
  const parts = cardBody(message, wordsFor(language));
  if (!parts) return undefined;
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      ...(language !== "en" ? { lang: language } : {}),
      fallbackText: message.text,
      speak: message.text,
      body: parts.body,
      ...(parts.actions.length > 0 ? { actions: parts.actions } : {}),
    },
  };
}

/** Whether the card itself carries the message's suggestions as buttons. */
export function cardHasButtons(message: BotMessage): boolean {
  return (
    (message.card?.kind === "confirm" || message.card?.kind === "offer") && !!message.suggestions?.length
  );
}
