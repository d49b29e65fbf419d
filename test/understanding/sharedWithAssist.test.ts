/**
 * What the understander learnt when agent assist began to read calls with it
 * (src/assist/customerFacts.ts): negations inside a gap ("ziehen wir nicht um") and after a
 * bridging word ("Umzug ist nicht geplant"), reasons denied (a customer taking one back), and
 * wordings customers use that the lexicons missed.
 */
import { describe, expect, it } from "vitest";
import { deniedReasons } from "../../src/understanding/detectReason.js";
import { prepareMessage } from "../../src/understanding/message.js";
import { type Case, expectUnderstood, named } from "./support.js";

const negations: [Case, "en" | "de" | "sv"][] = [
  [{ say: "Entschuldigung, wir ziehen doch nicht um.", reason: "none" }, "de"],
  [{ say: "Nein, eigentlich ziehen wir nicht um, es ist der Preis.", reason: "price" }, "de"],
  [{ say: "Ein Umzug ist nicht geplant.", reason: "none" }, "de"],
  [{ say: "Zu teuer ist es nicht.", reason: "none" }, "de"],
  [{ say: "Ich habe meinen Job nicht verloren.", reason: "none" }, "de"],
  [{ say: "Das Internet funktioniert nicht.", reason: "service_problems" }, "de"],
  [{ say: "Nobody died, I just want to cancel.", reason: "none" }, "en"],
  [{ say: "Actually we're not moving, it's the price.", reason: "price" }, "en"],
  [{ say: "Inte priset utan internet fungerar inte.", reason: "service_problems" }, "sv"],
  [{ say: "För dyrt är det inte.", reason: "none" }, "sv"],
];

const wordings: [Case, "en" | "de" | "sv"][] = [
  [{ say: "It's the price, honestly.", reason: "price" }, "en"],
  [{ say: "I'll get a new number.", keepNumber: false }, "en"],
  [{ say: "She told me I could cancel at no cost.", claim: "fee_waiver" }, "en"],
  [{ say: "wir ziehen im Mai zusammen", reason: "moving" }, "de"],
  [{ say: "Wir ziehen doch nach 20095 Hamburg um.", reason: "moving" }, "de"],
  [{ say: "Es kostet viel zu viel.", reason: "price" }, "de"],
  [{ say: "Es ist der Preis.", reason: "price" }, "de"],
  [{ say: "Das WLAN geht schon wieder nicht.", reason: "service_problems" }, "de"],
  [{ say: "Ich bin Testamentsvollstrecker.", reason: "bereavement" }, "de"],
  [{ say: "Ich kümmere mich um den Nachlass meines Vaters.", reason: "bereavement" }, "de"],
  [{ say: "Ich möchte einen Nachlass auf den Preis.", reason: "none" }, "de"],
  [{ say: "Ich bin gerade knapp bei Kasse.", reason: "money_trouble" }, "de"],
  [{ say: "Die Handynummer möchte ich behalten.", keepNumber: true }, "de"],
  [{ say: "Die Nummer brauche ich nicht.", keepNumber: false }, "de"],
  [{ say: "Die Nummer ist mir egal.", keepNumber: false }, "de"],
  [{ say: "Det är priset.", reason: "price" }, "sv"],
  [{ say: "Jag har hittat ett bättre erbjudande.", reason: "switching_provider" }, "sv"],
  [{ say: "Jag ska börja hos Tele2.", reason: "switching_provider" }, "sv"],
  [{ say: "Jag flyttar över till Comviq.", reason: "switching_provider" }, "sv"],
  [{ say: "Jag sköter bouppteckningen.", reason: "bereavement" }, "sv"],
  [{ say: "Jag tar ett nytt nummer.", keepNumber: false }, "sv"],
  [{ say: "Numret spelar ingen roll.", keepNumber: false }, "sv"],
  [{ say: "Han sa att det var gratis.", claim: "fee_waiver" }, "sv"],
  [{ say: "Det lovades att det var avgiftsfritt.", claim: "fee_waiver" }, "sv"],
  [{ say: "Säljaren lovade att det inte skulle kosta något.", claim: "fee_waiver" }, "sv"],
];

describe.each([
  ["negation", negations],
  ["wordings", wordings],
])("%s", (_group, rows) => {
  it.each(rows.map(([c, lang]) => [`${lang}: ${named([c])[0]?.[0]}`, c, lang] as const))(
    "%s",
    (_name, c, lang) => expectUnderstood(c, lang),
  );
});

describe("deniedReasons", () => {
  it.each([
    ["I'm not moving.", ["moving"]],
    ["Actually we're not moving, it's the price.", ["moving"]],
    ["Wir ziehen doch nicht um.", ["moving"]],
    ["Vi flyttar inte.", ["moving"]],
    ["We're moving to Leeds.", []],
    ["Not moving to Leeds, we're moving to York.", []],
    ["It's not too expensive.", ["price"]],
  ])("%s", (text, denied) => {
    expect(deniedReasons(prepareMessage(text))).toEqual(denied);
  });
});
