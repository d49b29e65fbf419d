/**
 * Scores the labelled phrase banks (`phraseBank.tuned.ts`, `phraseBank.heldOut.ts`) against
 * the understander: which items it gets right, per language and per part (services, reasons,
 * postcode corrections), so the tuned and the held-out accuracy can be reported apart.
 */

import { ServiceKind } from "../../src/domain/customer.js";
import type { Language } from "../../src/domain/understanding.js";
import { understand } from "../../src/understanding/understandByRules.js";
import type { Bank, PostcodeItem, ReasonItem, ServicesItem, ServicesLabel } from "./phraseBank.tuned.js";

export const LANGUAGES: readonly Language[] = ["en", "de", "sv"];

/** How a customer asks to cancel, to put a reason next to. */
export const CANCEL: Record<Language, readonly string[]> = {
  en: ["I want to cancel", "Please cancel my contract", "I'd like to leave"],
  de: ["Ich möchte kündigen", "Bitte kündigen Sie meinen Vertrag", "Ich will meinen Vertrag beenden"],
  sv: ["Jag vill säga upp mig", "Jag vill avsluta mitt abonnemang", "Jag vill säga upp avtalet"],
};

const sorted = (kinds: readonly string[]) => [...kinds].sort().join(",");

export function expectedKinds(label: ServicesLabel): string {
  if (label === "all") return sorted(ServiceKind.options);
  if (Array.isArray(label)) return sorted(label);
  return sorted(ServiceKind.options.filter((k) => !label.allBut.includes(k)));
}

export interface Verdict {
  ok: boolean;
  got: string;
}

export function scoreServices(item: ServicesItem): Verdict {
  const got = sorted(understand(item.say, "anything").serviceKinds ?? []);
  return { ok: got === expectedKinds(item.kinds), got };
}

/**
 * A reason counts as understood when it is read both as the answer to "why are you leaving?"
 * and next to a wish to cancel (before or after it, as `index` varies).
 */
export function scoreReason(item: ReasonItem, lang: Language, index: number): Verdict {
  const cancel = CANCEL[lang][index % CANCEL[lang].length] ?? "";
  const text = index % 2 === 0 ? `${cancel}, ${item.say}` : `${item.say}. ${cancel}.`;
  const together = understand(text, "anything").reason;
  const answered = understand(item.say, "reason").reason;
  return { ok: together === item.reason && answered === item.reason, got: `${together} / ${answered}` };
}

/** Asked for the new postcode: the one meant, as the new one, and whether it corrects. */
export function scorePostcode(item: PostcodeItem): Verdict {
  const u = understand(item.say, "new_postcode");
  const ok =
    u.postcode === item.postcode &&
    u.newPostcode === item.postcode &&
    (u.correctsPostcode ?? false) === item.corrects;
  return { ok, got: `${u.postcode} / ${u.newPostcode} / ${u.correctsPostcode ?? false}` };
}

export interface Accuracy {
  right: number;
  total: number;
}

export type BankAccuracy = Record<Language, Record<"services" | "reasons" | "postcodes", Accuracy>>;

/** Per language and part: how many items of `bank` are understood. */
export function accuracyOf(bank: Bank): BankAccuracy {
  const count = <T>(items: T[], score: (item: T, i: number) => Verdict): Accuracy => ({
    right: items.filter((item, i) => score(item, i).ok).length,
    total: items.length,
  });
  const out = {} as BankAccuracy;
  for (const lang of LANGUAGES) {
    out[lang] = {
      services: count(bank.services[lang], scoreServices),
      reasons: count(bank.reasons[lang], (item, i) => scoreReason(item, lang, i)),
      postcodes: count(bank.postcodes[lang], scorePostcode),
    };
  }
  return out;
}

/** "en services 14/15 (93%) …", one line a language. */
export function describeAccuracy(name: string, accuracy: BankAccuracy): string {
  const pct = (a: Accuracy) =>
    `${a.right}/${a.total} (${a.total === 0 ? 100 : Math.round((100 * a.right) / a.total)}%)`;
  return LANGUAGES.map(
    (lang) =>
      `${name} ${lang}: services ${pct(accuracy[lang].services)}, reasons ${pct(accuracy[lang].reasons)}, postcodes ${pct(accuracy[lang].postcodes)}`,
  ).join("\n");
}
