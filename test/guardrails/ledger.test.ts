import { createHash } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyLedger, Ledger } from "../../src/domain/ledger.js";
import {
  discharge,
  dischargeOf,
  hasDeclined,
  hashText,
  isDischarged,
  obligationsRenderedIn,
  offersMade,
  pendingBefore,
  readyToExecute,
  recordDecline,
  recordOffer,
} from "../../src/guardrails/ledger.js";
import { decision, obligation } from "../policies/utterance/support.js";

const T1 = "2026-11-23T10:00:00Z";
const T2 = "2026-11-23T10:05:00Z";

const d = decision({
  obligations: [
    obligation("fee-summary", "final_bill", "confirm", "The exit fee is 1,197 SEK."),
    obligation("porting-code", "porting_code", "execute", "Your PAC will arrive by text within 1 minute."),
    obligation("unlock", "device_unlock", "review", "We'll unlock your phone remotely today."),
    obligation("receipt", "receipt", "receipt", "You'll get a receipt by email."),
    obligation("goodbye", "farewell", "farewell", "Thanks for being with us."),
  ],
});

describe("discharge", () => {
  it("records which message discharged which obligations, and when", () => {
    const l = discharge(emptyLedger(), ["fee-summary", "unlock"], {
      messageId: "m7",
      seq: 7,
      at: T1,
      text: "Hi",
    });
    expect(dischargeOf(l, "fee-summary")).toEqual({
      obligationId: "fee-summary",
      messageId: "m7",
      seq: 7,
      at: T1,
      textHash: hashText("Hi"),
    });
    expect(isDischarged(l, "unlock")).toBe(true);
    expect(isDischarged(l, "porting-code")).toBe(false);
  });

  it("never mutates its input and keeps the first discharge of an obligation", () => {
    const empty = emptyLedger();
    const frozen = JSON.stringify(empty);
    const once = discharge(empty, ["fee-summary"], { messageId: "m1", at: T1 });
    expect(JSON.stringify(empty)).toBe(frozen);
    const twice = discharge(once, ["fee-summary"], { messageId: "m2", at: T2 });
    expect(twice).toBe(once);
    expect(dischargeOf(twice, "fee-summary")?.messageId).toBe("m1");
  });

  it("ignores duplicate ids in one call", () => {
    const l = discharge(emptyLedger(), ["unlock", "unlock"], { messageId: "m1", at: T1 });
    expect(l.discharges).toHaveLength(1);
  });

  it("omits seq and textHash when not given", () => {
    const l = discharge(emptyLedger(), ["unlock"], { messageId: "m1", at: T1 });
    expect(l.discharges[0]).toEqual({ obligationId: "unlock", messageId: "m1", at: T1 });
  });
});

describe("pendingBefore and readyToExecute", () => {
  it("lists what must be said before a stage, in decision order", () => {
    const ids = (stage: Parameters<typeof pendingBefore>[2]) =>
      pendingBefore(emptyLedger(), d, stage).map((o) => o.id);
    expect(ids("review")).toEqual(["unlock"]);
    expect(ids("confirm")).toEqual(["fee-summary", "unlock"]);
    expect(ids("execute")).toEqual(["fee-summary", "porting-code", "unlock"]);
    expect(ids("farewell")).toEqual(["fee-summary", "porting-code", "unlock", "receipt", "goodbye"]);
  });

  it("is ready to execute only once everything due up to execute is discharged", () => {
    let l = emptyLedger();
    expect(readyToExecute(l, d)).toBe(false);
    l = discharge(l, ["fee-summary", "unlock"], { messageId: "m1", at: T1 });
    expect(readyToExecute(l, d)).toBe(false);
    expect(pendingBefore(l, d, "execute").map((o) => o.id)).toEqual(["porting-code"]);
    l = discharge(l, ["porting-code"], { messageId: "m2", at: T2 });
    expect(readyToExecute(l, d)).toBe(true);
    expect(pendingBefore(l, d, "farewell").map((o) => o.id)).toEqual(["receipt", "goodbye"]);
  });

  it("is ready at once when the decision has no obligations", () => {
    expect(readyToExecute(emptyLedger(), decision({}))).toBe(true);
  });
});

describe("offers", () => {
  it("counts offers and declines without mutating", () => {
    const empty = emptyLedger();
    const offered = recordOffer(empty, { offerId: "half-price", messageId: "m3", at: T1 });
    const declined = recordDecline(offered, { messageId: "m4", at: T2 });
    expect(offersMade(empty)).toBe(0);
    expect(offersMade(offered)).toBe(1);
    expect(hasDeclined(offered)).toBe(false);
    expect(hasDeclined(declined)).toBe(true);
    expect(declined.offers[0]).toEqual({ offerId: "half-price", messageId: "m3", at: T1 });
    expect(declined.declines[0]).toEqual({ messageId: "m4", at: T2 });
  });
});

describe("obligationsRenderedIn", () => {
  it("discharges an obligation whose rendered message is the text or is contained in it", () => {
    const text =
      "Thanks.  The exit fee is 1,197 SEK.\nYour PAC will arrive by text within 1 minute. Anything else?";
    expect(obligationsRenderedIn(d, text, ["fee-summary", "porting-code"])).toEqual({
      discharged: ["fee-summary", "porting-code"],
      unmatched: [],
    });
    expect(obligationsRenderedIn(d, "The exit fee is 1,197 SEK.", ["fee-summary"]).discharged).toEqual([
      "fee-summary",
    ]);
  });

  it("only considers the ids the bot says it rendered", () => {
    const text = "The exit fee is 1,197 SEK. We'll unlock your phone remotely today.";
    expect(obligationsRenderedIn(d, text, ["fee-summary"]).discharged).toEqual(["fee-summary"]);
  });

  it("explains ids that do not count: a paraphrase, or an id not in the decision", () => {
    const r = obligationsRenderedIn(d, "Your exit fee comes to 1,197 SEK.", ["fee-summary", "nope"]);
    expect(r.discharged).toEqual([]);
    expect(r.unmatched).toEqual([
      { obligationId: "fee-summary", reason: "text_not_in_message" },
      { obligationId: "nope", reason: "not_in_decision" },
    ]);
  });

  it("treats typographic quotes like straight ones", () => {
    const r = obligationsRenderedIn(d, "We\u2019ll unlock your phone remotely today.", ["unlock"]);
    expect(r.discharged).toEqual(["unlock"]);
  });

  it("compares texts in Unicode's composed form, whatever the characters around the words", () => {
    const withAccent = (message: string) =>
      decision({ obligations: [obligation("accent", "final_bill", "confirm", message)] });
    // Written decomposed (e + combining acute) in the decision, composed in the message.
    expect(
      obligationsRenderedIn(withAccent("Caf\u0065\u0301 fee is £5."), "The Caf\u00e9 fee is £5.", ["accent"])
        .discharged,
    ).toEqual(["accent"]);
    // Every character next to the words: the comparison is the same as of the canonical texts.
    const full = (s: string) =>
      s
        .normalize("NFC")
        .replace(/[\u2018\u2019\u02BC]/g, "'")
        .replace(/[\u201C\u201D]/g, '"')
        .replace(/\s+/g, " ")
        .trim();
    for (let cp = 0; cp < 0x3000; cp++) {
      const c = String.fromCharCode(cp);
      for (const [message, text] of [
        [`fee${c}`, `The fee${c}`],
        [`e fee`, `Th${c}e fee`],
        [`fee due`, `fee${c}\u0301 due`],
      ] as const) {
        const expected = full(text).includes(full(message)) ? ["accent"] : [];
        expect(
          obligationsRenderedIn(withAccent(message), text, ["accent"]).discharged,
          `U+${cp.toString(16)}`,
        ).toEqual(expected);
      }
    }
  });
});

describe("Ledger schema", () => {
  it("round-trips through JSON and validates", () => {
    let l = discharge(emptyLedger(), ["unlock"], { messageId: "m1", seq: 1, at: T1, text: "x" });
    l = recordDecline(recordOffer(l, { messageId: "m2", at: T1 }), { messageId: "m3", at: T2 });
    expect(Ledger.parse(JSON.parse(JSON.stringify(l)))).toEqual(l);
    expect(Ledger.safeParse({ ...l, schemaVersion: 2 }).success).toBe(false);
  });

  it("hashes the same words the same way regardless of spacing", () => {
    expect(hashText("a  b\n c")).toBe(hashText("a b c"));
    expect(hashText("a b")).not.toBe(hashText("a c"));
    expect(hashText("x")).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("hashes every text as its NFC form with spacing collapsed, plain text included", () => {
    const full = (s: string) =>
      `sha256:${createHash("sha256").update(s.normalize("NFC").replace(/\s+/g, " ").trim()).digest("hex")}`;
    const piece = fc.constantFrom(
      ..."ab Zé£€–—…'\"".split(""),
      "  ",
      "\n",
      "\t",
      "\u00a0",
      "\u0301",
      "e\u0301",
      "\u2018",
      "\u2028",
      "\ufeff",
      "Å",
      "A\u030a",
      "\u00bd",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join("");
        expect(hashText(text)).toBe(full(text));
      }),
      { numRuns: 2000 },
    );
  });
});
