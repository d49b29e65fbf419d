/**
 * A message that reports what actions returned (a receipt giving the porting code) is written
 * when the customer confirms, before the actions run, with placeholders for their results:
 *
 *     {{result|<outbox item id>|<field>}}           the field as text
 *     {{result|<outbox item id>|<field>|date}}      an ISO date or instant as "Monday 23 November 2026"
 *     {{result|<outbox item id>|<field>|date:de}}   the same in German ("Montag, 23. November 2026"; sv: Swedish)
 *     {{result|<outbox item id>|<field>|or:PAC}}    the field, or "PAC" when the result lacks it
 *
 * They are filled in when the message is delivered, after the items it waits for (see
 * OutboxItem.after). A line whose placeholder has no value is left out, so a message never
 * promises a value it does not give.
 */
import { longDate } from "../domain/dates.js";
import type { Language } from "../domain/language.js";

const PLACEHOLDER = /\{\{result\|([^|}]+)\|([^|}]+)(?:\|([^}]+))?\}\}/g;

export function resultPlaceholder(
  itemId: string,
  field: string,
  format?: "date" | `date:${Language}` | `or:${string}`,
): string {
  return `{{result|${itemId}|${field}${format ? `|${format}` : ""}}}`;
}

/** The outbox item ids a text's placeholders refer to. */
export function placeholderItems(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

/** Fills every placeholder from `resultOf`; lines with a placeholder that has no value are dropped. */
export function fillResults(
  text: string,
  resultOf: (itemId: string) => Record<string, unknown> | undefined,
): string {
  const out: string[] = [];
  for (const line of text.split("\n")) {
    let missing = false;
    const filled = line.replace(PLACEHOLDER, (_all, id: string, field: string, format?: string) => {
      const value = resultOf(id)?.[field];
      if (format?.startsWith("or:"))
        return typeof value === "string" && value !== "" ? value : format.slice(3);
      if (typeof value !== "string" && typeof value !== "number") {
        missing = true;
        return "";
      }
      if (format === "date" || format?.startsWith("date:")) {
        const date = String(value).slice(0, 10);
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) {
          missing = true;
          return "";
        }
        const language = format.slice(5);
        return longDate(date, language === "de" || language === "sv" ? language : "en");
      }
      return String(value);
    });
    if (!missing) out.push(filled);
  }
  return out.join("\n");
}
