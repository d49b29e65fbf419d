/**
 * National identity numbers a customer types (UK National Insurance, Swedish personnummer,
 * US Social Security, German Steuer-ID) are masked as the message arrives, like card numbers
 * and IBANs: nothing in the data folder holds them afterwards, in the bot's conversation or in
 * agent assist, and nothing that only looks like one (an account number, a postcode, a phone
 * number, an IMEI, a date, an amount, a reference) is touched.
 */
import { readFile } from "node:fs/promises";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CustomerFile } from "../../src/domain/customerFile.js";
import {
  IDENTITY_NUMBER_MASK,
  maskNationalIdentityNumbers,
} from "../../src/domain/nationalIdentityNumbers.js";
import { maskTypedPersonalData } from "../../src/domain/typedPersonalData.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aFairExitServer } from "../support/fairexitServer.js";
import { repoRoot } from "../support/runFairexit.js";

const VALID = {
  nino: ["AB 12 34 56 C", "AB123456C", "ce123456a", "JG103759A"],
  personnummer: ["811218-9876", "19811218-9876", "198112189876", "811218+9876", "811278-9873"],
  ssn: ["123-45-6789", "123 45 6789", "078-05-1120"],
  steuerId: ["86095742719", "47036892816"],
};

describe("maskNationalIdentityNumbers", () => {
  it.each(Object.entries(VALID).flatMap(([kind, xs]) => xs.map((x) => [kind, x] as const)))(
    "masks a %s: %s",
    (_kind, number) => {
      const masked = maskNationalIdentityNumbers(`my number is ${number}, thanks`);
      expect(masked).toBe(`my number is ${IDENTITY_NUMBER_MASK}, thanks`);
    },
  );

  it.each([
    ["an account number followed by a word", "SE204718 a new one"],
    ["an account number", "UK318826"],
    ["a NINO with a forbidden prefix", "GB123456A"],
    ["a NINO with a forbidden first letter", "QQ123456C"],
    ["a personnummer with a wrong check digit", "811218-9875"],
    ["a personnummer with an impossible date", "811318-9876"],
    ["ten digits with no separator (a Swedish mobile number)", "0701234567"],
    ["an SSN in area 666", "666-45-6789"],
    ["an SSN with group 00", "123-00-6789"],
    ["nine digits with no separator", "123456789"],
    ["eleven digits with a wrong check digit", "86095742718"],
    ["eleven digits starting with 0 (a German phone number)", "01701234567"],
    ["an international phone number", "+46701234567"],
    ["an IMEI", "356938035643809"],
    ["a date", "2026-11-23"],
    ["an amount", "1.234,50 €"],
    ["a cancellation reference", "FX-20261123-0A1B2C"],
  ])("leaves %s alone: %s", (_what, text) => {
    expect(maskNationalIdentityNumbers(text)).toBe(text);
  });

  it("never masks an account number, postcode or phone number of the demo customers", async () => {
    const file = CustomerFile.parse(
      JSON.parse(await readFile(`${repoRoot}/data/demo/customers.json`, "utf8")),
    );
    for (const c of file.customers)
      for (const value of [
        c.accountNumber,
        c.postcode,
        c.phone,
        ...c.services.map((s) => s.phoneNumber ?? ""),
      ])
        expect(maskTypedPersonalData(`it is ${value}`)).toBe(`it is ${value}`);
  });

  it("never lengthens or breaks text without digits, and masks idempotently (property)", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const once = maskTypedPersonalData(text);
        expect(maskTypedPersonalData(once)).toBe(once);
        if (!/\d/.test(text)) expect(once).toBe(text);
      }),
      { numRuns: 300, seed: 18 },
    );
  });
});

describe("identity numbers typed in a conversation", () => {
  it("are kept nowhere the bot writes, and the customer is still identified", async () => {
    const server = await aFairExitServer();
    try {
      const chat = await DirectLineClient.anonymous(server.url);
      await chat.start();
      await chat.says("I want to cancel, my national insurance number is AB 12 34 56 C");
      await chat.says("UK318826");
      const replies = (await chat.says("M14 5RT, and my personnummer 811218-9876 if needed")).map(
        (a) => a.text,
      );
      expect(replies.join(" ")).toMatch(/found your account/);
      const stored = JSON.stringify(await server.app.store.conversations.get(chat.session.conversationId));
      const audit = JSON.stringify(await server.app.store.audit.read());
      for (const needle of ["AB 12 34 56 C", "AB123456C", "811218-9876", "8112189876"]) {
        expect(stored).not.toContain(needle);
        expect(audit).not.toContain(needle);
        // The echo of the customer's own message too: the Direct Line log keeps it masked.
        expect(JSON.stringify(chat.seen)).not.toContain(needle);
      }
      expect(stored).toContain(IDENTITY_NUMBER_MASK);
    } finally {
      await server.close();
    }
  });
});
