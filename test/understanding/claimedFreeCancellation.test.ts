/**
 * A claim that cancelling costs nothing ("he assured me there was no charge to cancel") is not
 * a wish to keep the service: the "no" is the fee's, not the cancelling's. A refusal to cancel
 * is still one. In English, German and Swedish.
 */
import { describe, it } from "vitest";
import { type Case, expectUnderstood, named } from "./support.js";

const english: Case[] = [
  {
    say: "he assured me there was no charge to cancel",
    first: "cancel",
    not: ["keep_service"],
    claim: "fee_waiver",
  },
  { say: "The salesman said there'd be no fee to cancel.", not: ["keep_service"], claim: "fee_waiver" },
  { say: "they told me it wouldn't cost anything to cancel", not: ["keep_service"], claim: "fee_waiver" },
  { say: "I was told I won't have to pay to cancel", not: ["keep_service"], claim: "fee_waiver" },
  { say: "I don't want to cancel", first: "keep_service", not: ["cancel"] },
  { say: "there's no fee, but I don't want to cancel", first: "keep_service", not: ["cancel"] },
  { say: "No fee? Then I won't cancel.", not: ["cancel"] },
];

const german: Case[] = [
  {
    say: "Der Verkäufer hat mir zugesichert, dass es keine Gebühr zum Kündigen gibt",
    first: "cancel",
    not: ["keep_service"],
    claim: "fee_waiver",
  },
  { say: "Mir wurde gesagt, ich kann ohne Kosten kündigen", not: ["keep_service"], claim: "fee_waiver" },
  { say: "Ich möchte nicht kündigen", first: "keep_service", not: ["cancel"] },
];

const swedish: Case[] = [
  { say: "säljaren sa att det var ingen avgift att säga upp", not: ["keep_service"], claim: "fee_waiver" },
  { say: "han lovade att jag kunde säga upp utan kostnad", not: ["keep_service"], claim: "fee_waiver" },
  { say: "jag vill inte avsluta", first: "keep_service", not: ["cancel"] },
];

describe("a claim of a free cancellation is not a wish to stay", () => {
  it.each(named(english))("en: %s", (_, c) => expectUnderstood(c, "en"));
  it.each(named(german))("de: %s", (_, c) => expectUnderstood(c, "de"));
  it.each(named(swedish))("sv: %s", (_, c) => expectUnderstood(c, "sv"));
});
