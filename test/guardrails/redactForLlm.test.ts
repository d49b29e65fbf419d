import { describe, expect, it } from "vitest";
import { luhnValid } from "../../src/domain/paymentDetails.js";
import { createRedactor, placeholdersIn, redactForLlm } from "../../src/guardrails/redactForLlm.js";
import { CUSTOMER, MESSAGE_WITH_PII, PII_PIECES } from "../bot/llm/support.js";

describe("redactForLlm", () => {
  it.each([
    ["EMAIL", "write to anna.karin@example.se please", "write to [EMAIL_1] please"],
    ["EMAIL", "Jörg.Müller+fx@post.example.de", "[EMAIL_1]"],
    ["PHONE", "call +44 7700 900123 today", "call [PHONE_1] today"],
    ["PHONE", "ring 07700 900123", "ring [PHONE_1]"],
    ["PHONE", "London 020 7946 0958", "London [PHONE_1]"],
    ["PHONE", "mobil 070-123 45 67", "mobil [PHONE_1]"],
    ["PHONE", "Stockholm 08-123 456 78", "Stockholm [PHONE_1]"],
    ["PHONE", "0046 70 123 45 67", "[PHONE_1]"],
    ["PHONE", "Festnetz 030/1234567 oder 0151 12345678", "Festnetz [PHONE_1] oder [PHONE_2]"],
    ["PHONE", "+49 (0)30 1234567", "[PHONE_1]"],
    ["PHONE", "US (555) 123-4567 or 1-555-123-4567", "US [PHONE_1] or [PHONE_2]"],
    ["POSTCODE", "I live at SW1A 1AA", "I live at [POSTCODE_1]"],
    ["POSTCODE", "postcode m1 1ae, or EC1A1BB", "postcode [POSTCODE_1], or [POSTCODE_2]"],
    ["POSTCODE", "flyttar till 123 45 eller SE-114 55", "flyttar till [POSTCODE_1] eller [POSTCODE_2]"],
    ["POSTCODE", "PLZ 10115 bzw. D-80331", "PLZ [POSTCODE_1] bzw. [POSTCODE_2]"],
    ["POSTCODE", "ZIP 90210-1234", "ZIP [POSTCODE_1]"],
    ["ACCOUNT", "account 12345678", "account [ACCOUNT_1]"],
    ["ACCOUNT", "ref ACC-00123456 and AB1234", "ref [ACCOUNT_1] and [ACCOUNT_2]"],
    ["ACCOUNT", "IBAN SE45 5000 0000 0583 9825 7466 ok", "IBAN [ACCOUNT_1] ok"],
    ["ACCOUNT", "PAC ABC123456", "PAC [ACCOUNT_1]"],
    ["ACCOUNT", "card with a typo 4111 1111 1111 1112", "card with a typo [ACCOUNT_1]"],
    ["IMEI", "IMEI 35-209900-176148-1 or 352099001761481", "IMEI [IMEI_1] or [IMEI_2]"],
    ["CARD", "card 4111 1111 1111 1111, amex 3782 822463 10005", "card [CARD_1], amex [CARD_2]"],
    ["CARD", "4111-1111-1111-1111 20 26", "[CARD_1] 20 26"],
  ])("replaces %s: %s", (_kind, text, expected) => {
    expect(redactForLlm(text)).toBe(expected);
  });

  it("replaces names given as a list: whole, in parts, in any case", () => {
    const names = ["Anna-Karin Svensson", "Bill O'Brien"];
    expect(redactForLlm("I'm Anna-Karin Svensson, Bill O'Brien's daughter", names)).toBe(
      "I'm [NAME_1], [NAME_2]'s daughter",
    );
    expect(redactForLlm("anna-karin here; svensson is my surname; ANNA too", names)).toBe(
      "[NAME_1] here; [NAME_2] is my surname; [NAME_3] too",
    );
  });

  it("leans towards redacting: a customer called Bill also hides the word bill", () => {
    expect(redactForLlm("my final bill", ["Bill Smith"])).toBe("my final [NAME_1]");
  });

  it("leaves dates, times, amounts, percentages and short numbers alone", () => {
    const text =
      "Your fee is £45.00, or 1 234,56 kr, €12345, SEK 12 345 or $1,234.56 (10% off). It ends on " +
      "15 December 2026, 15/12/2026, 15.12.2026 or 2026-12-15 at 10:00, within 30 days, 3 services.";
    expect(redactForLlm(text)).toBe(text);
  });

  it("gives the same value the same placeholder and restores it", () => {
    const r = createRedactor({ names: CUSTOMER.names });
    const redacted = r.redact(`Anna-Karin: ${CUSTOMER.email}, again ${CUSTOMER.email}; ${CUSTOMER.account}`);
    expect(redacted).toBe("[NAME_1]: [EMAIL_1], again [EMAIL_1]; [ACCOUNT_1]");
    expect(r.restore("Thanks [NAME_1], we wrote to [EMAIL_1] about [ACCOUNT_1]")).toBe(
      `Thanks Anna-Karin, we wrote to ${CUSTOMER.email} about ${CUSTOMER.account}`,
    );
  });

  it("never restores a placeholder look-alike that was already in the text", () => {
    const r = createRedactor({ names: ["Anna"] });
    const redacted = r.redact("[NAME_1] says hi, and Anna too");
    expect(redacted).toBe("[NAME_1] says hi, and [NAME_2] too");
    expect(r.restore(redacted)).toBe("[NAME_1] says hi, and Anna too");
    expect(r.restore("[PHONE_9] stays")).toBe("[PHONE_9] stays");
  });

  it("hides every piece of a message full of personal data", () => {
    const redacted = redactForLlm(MESSAGE_WITH_PII, CUSTOMER.names);
    for (const piece of PII_PIECES) expect(redacted).not.toContain(piece);
    expect(placeholdersIn(redacted).length).toBeGreaterThanOrEqual(9);
    expect(redacted).toContain("maybe stop it all?");
  });

  it("scans long and hostile input in one pass (no runaway backtracking)", () => {
    const digits = `0${"1".repeat(2000)}a`;
    expect(redactForLlm(digits)).toBe("[ACCOUNT_1]");
    for (const text of [
      "a".repeat(20_000),
      `${"abc-".repeat(5000)}_`,
      `${"1.".repeat(10_000)}a`,
      "0 ".concat("12 ".repeat(3000)),
    ])
      expect(typeof redactForLlm(text, ["Anna Svensson"])).toBe("string");
  });

  it("checks Luhn sums", () => {
    expect(luhnValid("4111111111111111")).toBe(true);
    expect(luhnValid("352099001761481")).toBe(true);
    expect(luhnValid("4111111111111112")).toBe(false);
    expect(luhnValid("")).toBe(false);
  });
});
