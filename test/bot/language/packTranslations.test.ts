/**
 * Policy texts in the customer's language: a pack translates a text as `{ en, de, sv }`, the
 * decision renders it in the conversation's language (amounts and dates written in it), a text
 * without a translation falls back to English, and `policy check` (lint) warns about each text a
 * pack declaring a language has not translated, naming file, rule and language.
 */
import { describe, expect, it } from "vitest";
import { ConversationState } from "../../../src/bot/conversationState.js";
import { decide } from "../../../src/policies/decide.js";
import { lint } from "../../../src/policies/lint.js";
import { formatPolicyError } from "../../../src/policies/policyError.js";
import { compiled, customer, defaultPolicy, NOW, pack, ukCoverage } from "../../policies/engine/support.js";

const ENDS = `serviceEnd:
  - id: notice
    noticeDays: 30
`;
const TRANSLATED = `${ENDS}obligations:
  - id: end-date
    per: service
    topic: end_date
    before: confirm
    message:
      en: Ends {{ longDate(outcome.endDate) }}; you owe {{ money(outcome.totalDue + 1234.5, outcome.currency) }}.
      de: Endet am {{ longDate(outcome.endDate) }}; Sie zahlen {{ money(outcome.totalDue + 1234.5, outcome.currency) }}.
      sv: Upphör {{ longDate(outcome.endDate) }}; du betalar {{ money(outcome.totalDue + 1234.5, outcome.currency) }}.
`;
const ENGLISH_ONLY = `${ENDS}obligations:
  - id: data
    topic: data_export
    before: execute
    message: You can download your bills.
`;

const decideIn = (policy: ReturnType<typeof compiled>, language?: "en" | "de" | "sv") =>
  decide(
    policy,
    { customer: customer(), coverage: ukCoverage, conversation: {}, ...(language ? { language } : {}) },
    NOW,
  );

describe("policy texts in the customer's language", () => {
  it("renders the translation of the decision's language, with its amounts and dates", () => {
    const policy = compiled(pack("p", TRANSLATED));
    const message = (language?: "en" | "de" | "sv") => decideIn(policy, language).obligations[0]!.message;
    expect(message()).toBe("Ends Wednesday 23 December 2026; you owe £1,234.50.");
    expect(message("de")).toBe("Endet am Mittwoch, 23. Dezember 2026; Sie zahlen 1.234,50 £.");
    expect(message("sv")).toBe("Upphör onsdag 23 december 2026; du betalar 1 234,50 GBP.");
  });

  it("falls back to English where the pack has no translation, and policy check says so", () => {
    const policy = compiled(pack("p", ENGLISH_ONLY, "  languages: [en, de]\n"));
    expect(decideIn(policy, "de").obligations[0]!.message).toBe("You can download your bills.");
    expect(lint(policy).map(formatPolicyError)).toEqual([
      "policies/p.yaml:10:5 [data] warning: message has no de translation: customers answered in German read it in English",
    ]);
  });

  it("a pack that declares no other language is not warned about", () => {
    expect(lint(compiled(pack("p", ENGLISH_ONLY))).map(formatPolicyError)).toEqual([]);
  });

  it("a translation is checked like the English text: a bad placeholder is an error at its line", () => {
    const bad = TRANSLATED.replace(
      "Endet am {{ longDate(outcome.endDate) }}",
      "Endet am {{ longDate(outcome.endDat) }}",
    );
    expect(() => compiled(pack("p", bad))).toThrow(/p\.yaml:15:\d+ .*endDat/);
  });

  it("the shipped packs translate every customer text into German and Swedish (no warnings)", () => {
    expect(lint(defaultPolicy()).map(formatPolicyError)).toEqual([]);
  });

  it("a conversation state saved before the language was kept still loads (English until told)", () => {
    const old = {
      v: 1,
      stage: "identify",
      expecting: "account_number",
      channel: "webchat",
      facts: {},
      ledger: { schemaVersion: 1, discharges: [], offers: [], declines: [] },
    };
    const parsed = ConversationState.safeParse(old);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
    expect(parsed.data?.language).toBeUndefined();
    expect(ConversationState.safeParse({ ...old, language: "fr" }).success).toBe(false);
  });
});
