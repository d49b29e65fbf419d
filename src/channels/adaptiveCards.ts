/**
 * Adaptive Cards (schema 1.5: Teams, Web Chat, Outlook) for the bot's structured messages: the
 * review summary, the confirmation with its two equal buttons, the offer (as easy to refuse as
 * to take), the receipt and the hand-over. The message text stays the activity's text and the
 * card's fallback, so a channel without cards loses nothing.
 */
import { z } from "zod";
import type { BotMessage } from "../bot/botReply.js";
import { kindName } from "../bot/stages/render.js";
import { longDate } from "../domain/dates.js";
import { formatMoney, formatTotals } from "../domain/money.js";
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

function reviewBody(data: z.infer<typeof ReviewData>): Element[] {
  const body: Element[] = [heading("Your cancellation at a glance")];
  for (const s of data.services) {
    const waived = s.waived.reduce((sum, w) => sum + w.amount, 0);
    const rows: [string, string][] = [
      ["Ends", longDate(s.endDate)],
      ["You owe", formatMoney(s.totalDue, s.currency)],
    ];
    if (waived > 0) rows.push(["Waived", formatMoney(waived, s.currency)]);
    body.push({ type: "TextBlock", text: kindName(s.kind), weight: "Bolder", wrap: true, spacing: "Medium" });
    body.push(facts(rows));
  }
  body.push(facts([["Total for leaving", formatTotals(data.totals)]]));
  return body;
}

/** The card body for a message, or undefined when it has none (or its data is not as expected). */
function cardBody(message: BotMessage): { body: Element[]; actions: Element[] } | undefined {
  const card = message.card;
  if (!card) return undefined;
  const suggestions = message.suggestions ?? [];
  switch (card.kind) {
    case "review": {
      const data = ReviewData.safeParse(card.data);
      return data.success ? { body: reviewBody(data.data), actions: [] } : undefined;
    }
    case "confirm": {
      const data = ConfirmData.safeParse(card.data);
      if (!data.success) return undefined;
      return {
        body: [
          heading("Confirm your cancellation"),
          facts([["Total for leaving", formatTotals(data.data.totals)]]),
        ],
        actions: buttons(suggestions),
      };
    }
    case "offer":
      return { body: [heading("One optional offer")], actions: buttons(suggestions) };
    case "receipt": {
      const data = ReceiptData.safeParse(card.data);
      if (!data.success) return undefined;
      return {
        body: [
          heading("Cancellation receipt"),
          facts([
            ["Reference", data.data.reference],
            ["Total for leaving", formatTotals(data.data.totals)],
            ["Receipt fingerprint", `SHA-256 ${data.data.sha256.slice(0, 16)}…`],
          ]),
          { type: "TextBlock", text: "A copy is on its way to you by email.", wrap: true, isSubtle: true },
        ],
        actions: [],
      };
    }
    case "handover": {
      const data = HandoverData.safeParse(card.data);
      if (!data.success) return undefined;
      return {
        body: [heading("A person will take over"), facts([["Your reference", data.data.handoverId]])],
        actions: [],
      };
    }
  }
}

/** The Adaptive Card attachment for a message, when it has a card. */
export function adaptiveCardFor(message: BotMessage): AdaptiveCardAttachment | undefined {
  const parts = cardBody(message);
  if (!parts) return undefined;
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
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
