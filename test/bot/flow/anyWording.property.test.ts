/**
 * Issue 16, classes 2 and 3, property-based over every demo story the bot completes itself:
 * whatever words (English, German, Swedish) the customer uses to carry on at the review, to
 * answer an offer (a bare "yes" included) and to confirm, the cancellation is executed, the
 * customer is asked to confirm exactly once, and no offer is recorded as taken. The bot answers
 * in the language the customer last wrote clearly (class 8), so its words are looked for in
 * all three languages.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aCancellationBot } from "../cancellationBot.js";
import { countInAnyLanguage, inAnyLanguage } from "../language/said.js";
import { DEMO_STORIES } from "./demoCustomerStories.js";
import { directAnswer } from "./directCustomer.js";

const RUNS = Number(process.env.FAIREXIT_FLOW_RUNS ?? 150);

const AT_REVIEW = [
  "continue",
  "weiter",
  "fortsätt",
  "yes",
  "no",
  "yes, cancel it",
  "Ja, bitte kündigen",
  "ja, säg upp",
];
/** Ambiguous after an offer: asked about, then the customer declines. */
const BARE_YES = ["yes", "Yes", "ja", "Ja"];
const DECLINE = [
  "no thanks",
  "No, I just want to cancel",
  "Nein, ich will einfach kündigen",
  "nej tack",
  "cancel it",
];
const AT_CONFIRM = ["yes", "yes, cancel it", "go ahead and cancel", "ja, kündigen", "ja, säg upp", "ja"];

const stories = DEMO_STORIES.filter((s) => !s.handedOver);

describe("any wording at the review, the offer and the confirmation", () => {
  it("executes the cancellation, asks to confirm once, and never takes an offer the customer did not take", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...stories),
        fc.constantFrom(...AT_REVIEW),
        fc.option(fc.constantFrom(...BARE_YES), { nil: undefined }),
        fc.constantFrom(...DECLINE),
        fc.constantFrom(...AT_CONFIRM),
        async (story, atReview, bareYes, decline, atConfirm) => {
          const bot = await aCancellationBot();
          const chat = bot.chat();
          let saidYes = false;
          let line: string | undefined = "I want to cancel";
          for (let guard = 0; line !== undefined && guard < 20; guard++) {
            const turn = await chat.says(line);
            if (turn.messages.some((m) => m.card?.kind === "receipt")) break;
            if (turn.stage === "review") line = atReview;
            else if (turn.expecting === "offer" && bareYes && !saidYes) {
              line = bareYes;
              saidYes = true;
            } else if (turn.expecting === "offer") line = decline;
            else if (turn.expecting === "confirm") line = atConfirm;
            else line = directAnswer(turn, story).line;
          }
          const said = chat.transcript.join("\n");
          expect(said, said).toMatch(inAnyLanguage((w) => w.confirmed));
          expect(
            countInAnyLanguage(said, (w) => w.confirmQuestion),
            said,
          ).toBe(1);
          expect(said, said).not.toMatch(inAnyLanguage((w) => w.offerAccepted));
          expect(said, said).not.toMatch(inAnyLanguage((w) => w.didNotUnderstand));
          const answers = bot.audit.entries
            .filter((e) => e.kind === "offer_answer")
            .map((e) => e.data.answer);
          expect(answers, said).not.toContain("accepted");
        },
      ),
      { numRuns: RUNS },
    );
  }, 180_000);
});
