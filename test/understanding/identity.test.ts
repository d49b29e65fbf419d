/**
 * Account numbers and postcodes as customers type them: with or without "my account number
 * is", together in one message, in the UK, Swedish, German and US formats of the demo data.
 */
import { describe, it } from "vitest";
import { type Case, expectUnderstood, named } from "./support.js";

const identity: Case[] = [
  {
    say: "ACC12345, SW1A 1AA",
    after: "account_number",
    first: "identify",
    account: "ACC12345",
    postcode: "SW1A 1AA",
    sure: "high",
  },
  { say: "ACC12345, SW1A 1AA", first: "identify", account: "ACC12345", postcode: "SW1A 1AA" },
  {
    say: "My account number is UK318826 and my postcode is M14 5RT",
    first: "identify",
    account: "UK318826",
    postcode: "M14 5RT",
    sure: "high",
  },
  { say: "account no: acc-20031", account: "ACC-20031" },
  { say: "12345678", after: "account_number", first: "identify", account: "12345678", sure: "high" },
  { say: "it's 10439", after: "account_number", account: "10439", postcode: "none" },
  { say: "sw1a1aa", after: "postcode", first: "identify", postcode: "SW1A 1AA", sure: "high" },
  { say: "It's 90026", after: "postcode", postcode: "90026", account: "none" },
  { say: "90026-1234", after: "postcode", postcode: "90026-1234" },
  { say: "1010", after: "new_postcode", postcode: "1010" },
  { say: "962 31", after: "new_postcode", first: "identify", postcode: "962 31", sure: "high" },
  { say: "DE730415, 10439", account: "DE730415", postcode: "10439" },
  { say: "SE204718 169 57", account: "SE204718", postcode: "169 57" },
  { say: "Kundennummer: DE731108, PLZ 80337", account: "DE731108", postcode: "80337" },
  { say: "kundnummer SE100937 och postnummer 167 65", account: "SE100937", postcode: "167 65" },
  { say: "my postcode is 80337", postcode: "80337", account: "none" },
  { say: "We're moving to 80337 Munich", reason: "moving", postcode: "80337" },
  { say: "I paid £399 on 2026-03-10", account: "none", postcode: "none" },
  { say: "Call me on 070 123 45 67", account: "none", postcode: "none" },
  { say: "I have an iPhone 15 and a Fritzbox 7590", account: "none", postcode: "none" },
  { say: "I want to cancel, it's 12345", account: "none", postcode: "none", first: "cancel" },
];

describe("identity", () => {
  it.each(named(identity))("%s", (_name, c) => expectUnderstood(c, "any"));
});
