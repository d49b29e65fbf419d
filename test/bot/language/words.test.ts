/**
 * The bot's own words, one catalog per language (src/bot/words): every phrase of every language
 * passes the tone checker, no German or Swedish phrase carries English words, and every button
 * says something the bot understands as what the button means, in its language.
 */
import { describe, expect, it } from "vitest";
import { NO_DECISION_YET } from "../../../src/bot/messageGuard.js";
import { LANGUAGES, type Words, wordsFor } from "../../../src/bot/words/index.js";
import type { Customer, Service } from "../../../src/domain/customer.js";
import { checkUtterance } from "../../../src/guardrails/index.js";
import { understand } from "../../../src/understanding/understandByRules.js";
import { defaultPolicy } from "../../policies/engine/support.js";
import { aCustomer } from "../../support/aCustomer.js";
import { ENGLISH_ONLY } from "./customerLanguage.js";

const customer: Customer = aCustomer();
const mobile = {
  ...customer.services[0]!,
  kind: "mobile",
  plan: "Mobil 10",
  phoneNumber: "+46701234567",
} as Service;
const sek = { amount: 1234.5, currency: "SEK" };

/** Every text of a catalog, each function called with typical arguments. */
function everyPhrase(w: Words): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const done = [
    {
      reference: "FX-1",
      confirmedAt: "2026-11-23T10:00:00Z",
      services: [{ name: w.serviceName(mobile), endDate: "2026-12-23" }],
    },
  ];
  const calls: Record<string, () => string> = {
    totals: () => w.totals([sek]),
    listServices: () => w.listServices([mobile, customer.services[0]!]),
    verifyFailed: () => `${w.verifyFailed(1)} ${w.verifyFailed(2)}`,
    coolDown: () => w.coolDown(15),
    verified: () => `${w.verified(customer, false)} ${w.verified(customer, true)}`,
    trustedHello: () => w.trustedHello(customer),
    whichServices: () => w.whichServices([mobile, customer.services[0]!]),
    askKeepNumber: () => w.askKeepNumber(mobile),
    askKeepNumberIfSwitching: () => w.askKeepNumberIfSwitching(mobile),
    askKeepNumberIfMobile: () => w.askKeepNumberIfMobile(mobile),
    totalOwed: () => w.totalOwed([sek]),
    serviceEnds: () => w.serviceEnds("broadband", "2026-12-23"),
    confirmLine: () => w.confirmLine("broadband", "2026-12-23", sek, 100),
    portingCodeLine: () => w.portingCodeLine("PAC"),
    promotionCreditLine: () => w.promotionCreditLine(sek, "SPRING"),
    receiptSubject: () => w.receiptSubject("FX-1"),
    receiptHeader: () => w.receiptHeader("FX-1", "2026-11-23T10:00:00Z"),
    receiptService: () => w.receiptService("tv", "2026-12-23", sek, 10),
    receiptPortingCode: () => w.receiptPortingCode("PAC", "ABC123", "2026-12-23"),
    receiptDisputeCredit: () =>
      `${w.receiptDisputeCredit(sek, true)} ${w.receiptDisputeCredit(undefined, false)}`,
    receiptPromotionCredit: () =>
      `${w.receiptPromotionCredit(sek, "SPRING")} ${w.receiptPromotionCredit(undefined, "")}`,
    receiptReturnLabel: () => w.receiptReturnLabel("RET-1", "2026-12-30"),
    receiptScheduled: () => w.receiptScheduled("2026-12-22T23:59:00Z", "…"),
    receiptTotal: () => w.receiptTotal([sek]),
    alreadyCancelled: () => `${w.alreadyCancelled(done, "FX-1")} ${w.alreadyCancelled([], "FX-1")}`,
    handover: () => w.handover([w.customerAsksReason]),
    guardSafeTextAfterCancellation: () => w.guardSafeTextAfterCancellation("FX-1"),
    messageTooLong: () => w.messageTooLong(4000),
  };
  const skip = new Set(["language", "money", "date", "instant", "kindName", "serviceName"]);
  for (const [key, value] of Object.entries(w)) {
    if (skip.has(key)) continue;
    if (typeof value === "string") out.push({ key, text: value });
    else if (typeof value === "function") {
      const call = calls[key];
      if (!call) throw new Error(`no sample call for ${w.language}.${key}`);
      out.push({ key, text: call() });
    } else
      for (const [k, v] of Object.entries(value as Record<string, string>))
        out.push({ key: `${key}.${k}`, text: v });
  }
  return out;
}

describe("the bot's words in every language", () => {
  const policy = defaultPolicy();
  for (const language of LANGUAGES) {
    it(`every ${language} phrase passes the tone checker and makes no offer`, () => {
      // Checked as the guard checks the bot's own words before any decision: no offer allowed.
      const findings = everyPhrase(wordsFor(language)).flatMap(({ key, text }) =>
        checkUtterance(policy, text, { speaker: "bot", decision: NO_DECISION_YET })
          .filter((f) => f.kind === "tone" || f.category === "extra_offer")
          .map((f) => `${key}: "${f.span.text}" ${f.ruleId}`),
      );
      expect(findings).toEqual([]);
    });
  }

  for (const language of ["de", "sv"] as const) {
    it(`no ${language} phrase carries English words`, () => {
      const english = everyPhrase(wordsFor(language))
        .filter(({ text }) => ENGLISH_ONLY.test(text.replace(/FairExit\S*/g, "")))
        .map(({ key, text }) => `${key}: ${text}`);
      expect(english).toEqual([]);
    });
  }

  const meant: [keyof Words["buttons"], string][] = [
    ["startCancel", "cancel"],
    ["talkToPerson", "ask_person"],
    ["confirmCancel", "cancel"],
    ["keepService", "keep_service"],
    ["yes", "yes"],
    ["no", "no"],
  ];
  for (const language of LANGUAGES)
    it(`every ${language} button is understood as what it means`, () => {
      const buttons = wordsFor(language).buttons;
      const misread = meant
        .map(([key, intent]) => ({ key, intent, heard: understand(buttons[key], "anything").intents }))
        .filter((b) => !b.heard.includes(b.intent as never));
      expect(misread).toEqual([]);
      expect(understand(buttons.acceptOffer, "offer").intents).toContain("accept_offer");
      // A refusal of the offer, or a repeated wish to cancel, declines it (stages/offer.ts).
      expect(understand(buttons.declineOffer, "offer").intents).toEqual(
        expect.arrayContaining([expect.stringMatching(/^(decline_offer|no|cancel)$/)]),
      );
      expect(understand(buttons.declineOffer, "offer").intents).not.toContain("accept_offer");
      expect(understand(buttons.whatDoIOwe, "anything").topics).toContain("fee");
    });

  it("Germany's §312k wording: the entry is 'Verträge hier kündigen', the final button 'jetzt kündigen'", () => {
    expect(wordsFor("de").buttons.startCancel).toBe("Verträge hier kündigen");
    expect(wordsFor("de").buttons.confirmCancel).toBe("jetzt kündigen");
  });

  it("amounts and dates are written in the catalog's language", () => {
    expect(wordsFor("de").money(1234.5, "EUR")).toBe("1.234,50 €");
    expect(wordsFor("sv").money(6732, "SEK")).toBe("6 732 kr");
    expect(wordsFor("sv").money(6732.5, "SEK")).toBe("6 732,50 kr");
    expect(wordsFor("en").money(1234.5, "GBP")).toBe("£1,234.50");
    expect(wordsFor("de").date("2027-03-31")).toBe("Mittwoch, 31. März 2027");
    expect(wordsFor("sv").date("2027-03-31")).toBe("onsdag 31 mars 2027");
    expect(wordsFor("en").date("2027-03-31")).toBe("Wednesday 31 March 2027");
    expect(wordsFor("de").instant("2026-11-23T14:05:00Z")).toBe("23. November 2026 um 14:05 UTC");
    expect(wordsFor("sv").instant("2026-11-23T14:05:00Z")).toBe("23 november 2026 kl. 14:05 UTC");
    expect(wordsFor("de").totals([])).toBe("nichts");
    expect(
      wordsFor("sv").totals([
        { amount: 5, currency: "SEK" },
        { amount: 2, currency: "EUR" },
      ]),
    ).toBe("5 kr och 2 €");
  });
});
