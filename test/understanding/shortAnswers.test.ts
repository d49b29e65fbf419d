/**
 * The same short answer, from many customers: understood once, shared frozen; anything that
 * could identify a customer is understood afresh every time and never kept.
 */
import { describe, expect, it } from "vitest";
import type { Expectation, Understand } from "../../src/domain/understanding.js";
import { rememberingShortAnswers, SHORT_ANSWER_LENGTH } from "../../src/understanding/shortAnswers.js";
import { understand, understandAfresh } from "../../src/understanding/understandByRules.js";

/** The understander, counting the texts it really had to work out. */
function counted(): { understand: Understand; worked: string[] } {
  const worked: string[] = [];
  return {
    worked,
    understand: (text, expecting) => {
      worked.push(text);
      return understandAfresh(text, expecting);
    },
  };
}

describe("short answers are understood once", () => {
  it("a second customer saying 'no thanks' to the offer gets the same understanding, worked out once", () => {
    const inner = counted();
    const remembering = rememberingShortAnswers(inner.understand);
    const first = remembering("no thanks", "offer");
    const second = remembering("no thanks", "offer");
    expect(second).toBe(first);
    expect(inner.worked).toEqual(["no thanks"]);
    expect(first).toEqual(understandAfresh("no thanks", "offer"));
    expect(first.intents[0]).toBe("decline_offer");
  });

  it("what the bot asked is part of the answer: 'yes' to the confirmation and 'yes' to keeping the number differ", () => {
    const inner = counted();
    const remembering = rememberingShortAnswers(inner.understand);
    const toConfirm = remembering("yes", "confirm");
    const toKeepNumber = remembering("yes", "keep_number");
    expect(inner.worked).toEqual(["yes", "yes"]);
    expect(toKeepNumber.keepNumber).toBe(true);
    expect(toConfirm.keepNumber).toBeUndefined();
  });

  it("a shared understanding cannot be changed by the turn that received it", () => {
    const remembering = rememberingShortAnswers(understandAfresh);
    const heard = remembering("all of them", "services");
    expect(() => heard.intents.push("unknown")).toThrow(TypeError);
    expect(() => {
      heard.confidence = 0;
    }).toThrow(TypeError);
    expect(remembering("all of them", "services")).toEqual(understandAfresh("all of them", "services"));
  });

  it("the bot's understander remembers too, and means the same as the understander without memory", () => {
    const expectations: Expectation[] = ["anything", "confirm", "offer", "services", "survey"];
    for (const expecting of expectations)
      for (const text of ["yes", "no thanks", "Confirm", "Keep my service", "skip", "I want to cancel"]) {
        expect(understand(text, expecting)).toEqual(understandAfresh(text, expecting));
        expect(understand(text, expecting)).toBe(understand(text, expecting));
      }
  });
});

describe("what could identify a customer is never kept", () => {
  it.each([
    ["an account number", "12345678", "account_number"],
    ["a postcode", "SW1A 1AA", "postcode"],
    ["a phone number", "my number is 07700 900123", "anything"],
    ["an e-mail address", "jo@example.com", "anything"],
  ] as const)("%s is understood afresh every time", (_, text, expecting) => {
    const inner = counted();
    const remembering = rememberingShortAnswers(inner.understand);
    const first = remembering(text, expecting);
    const second = remembering(text, expecting);
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(inner.worked).toEqual([text, text]);
  });

  it("a long message is understood afresh every time", () => {
    const text = "I'm moving abroad next month, so please cancel it all for me";
    expect(text.length).toBeGreaterThan(SHORT_ANSWER_LENGTH);
    const inner = counted();
    const remembering = rememberingShortAnswers(inner.understand);
    remembering(text, "anything");
    remembering(text, "anything");
    expect(inner.worked).toEqual([text, text]);
  });
});

describe("the memory is bounded", () => {
  it("holds at most its capacity and forgets the oldest answer first", () => {
    const inner = counted();
    const remembering = rememberingShortAnswers(inner.understand, 2);
    remembering("yes", "confirm");
    remembering("no", "confirm");
    remembering("skip", "survey"); // "yes" is forgotten
    remembering("no", "confirm");
    remembering("skip", "survey");
    expect(inner.worked).toEqual(["yes", "no", "skip"]);
    remembering("yes", "confirm");
    expect(inner.worked).toEqual(["yes", "no", "skip", "yes"]);
  });
});
