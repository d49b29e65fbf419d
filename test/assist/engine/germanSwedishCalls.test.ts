/**
 * Agents of German and Swedish customers speak German and Swedish: their own words tick the
 * checklist, a question or a negation does not, and the speech acts (confirming the
 * cancellation, an offer, a decline) are heard in those languages too.
 */
import { describe, expect, it } from "vitest";
import { isConfirmation, isDecline, isOffer } from "../../../src/assist/speechActs.js";
import type { AssistView } from "../../../src/assist/view.js";
import { languageOfSpeech } from "../../../src/assist/wording/index.js";
import { anAssistDesk } from "./support.js";

/** The checklist as `topic: statuses`, speech ticks only. */
const spoken = (view: AssistView) => {
  const out: Record<string, string[]> = {};
  for (const item of view.checklist)
    out[item.topic] = [...(out[item.topic] ?? []), item.dischargedBy?.kind === "speech" ? "said" : "open"];
  return out;
};

describe("a German call (cust-de-rolling, de-DE)", () => {
  it("the agent's German words tick what they state, in free wording", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-de", "cust-de-rolling");
    await c.customer("Ich ziehe um und möchte meinen DSL-Vertrag kündigen.");
    await c.agent("Ihr DSL 100 endet am 23. Dezember.");
    await c.agent("Die Kündigung kostet Sie nichts.");
    await c.agent(
      "Ihre SEPA-Lastschrift zieht noch die Schlussrechnung ein, danach beenden wir das Mandat. Sie müssen bei Ihrer Bank nichts tun.",
    );
    await c.agent("Bitte schicken Sie die FRITZ!Box zurück, das Rücksendeetikett bekommen Sie per E-Mail.");
    const view = await c.agent("Die Kündigungsbestätigung schicke ich Ihnen gleich per E-Mail.");
    expect(spoken(view)).toMatchObject({
      end_date: ["said"],
      charges: ["said"],
      payment_mandate: ["said"],
      equipment_return: ["said"],
      receipt: ["said"],
      final_bill: ["open"],
      data_export: ["open"],
    });
  });

  it("a question or a negation in German ticks nothing", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-de-no", "cust-de-rolling");
    await c.agent("Möchten Sie wissen, ob Sie die FRITZ!Box zurückschicken müssen?");
    await c.agent("Möchten Sie wissen, ob Ihre Lastschrift danach beendet wird");
    await c.agent("Ein Rücksendeetikett für die FRITZ!Box schicken wir Ihnen nicht.");
    await c.agent("Ihre Rechnungen können Sie leider nicht herunterladen.");
    const view = await c.agent("Die Details zur Schlussrechnung schicke ich Ihnen später.");
    expect(view.checklist.filter((i) => i.status === "discharged")).toEqual([]);
  });

  it("a German confirmation while items are open raises the alert; asking for the go-ahead does not", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-de-confirm", "cust-de-rolling");
    const asked = await c.agent("Soll ich den Vertrag jetzt kündigen?");
    expect(asked.alerts).toEqual([]);
    const confirmed = await c.agent("Gut, ich kündige Ihren Vertrag jetzt.");
    expect(confirmed.alerts.map((a) => a.kind)).toEqual(["open_obligations"]);
  });

  it("a second offer after a German 'nein danke' is an offer alert", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-de-offer", "cust-de-rolling");
    await c.agent("Ich kann Ihnen 20 Prozent Rabatt für sechs Monate anbieten.");
    await c.customer("Nein danke, einfach kündigen.");
    const view = await c.agent("Wie wäre es mit einem Gratismonat?");
    expect(view.alerts.map((a) => a.kind)).toContain("offer");
  });
});

describe("a Swedish call (cust-se-17-years, sv-SE)", () => {
  it("the agent's Swedish words tick what they state, both services at once with 'både'", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-sv", "cust-se-17-years");
    await c.customer("Jag vill säga upp mitt bredband och min mobil.");
    await c.agent("Både bredbandet och mobilen upphör den 23 december.");
    await c.agent("Vill du behålla numret beställer du en porteringskod av oss innan tjänsten upphör.");
    await c.agent("Autogirot drar slutfakturan och sedan avslutar vi det, du behöver inte kontakta banken.");
    const view = await c.agent("Du kan ladda ner dina fakturor och dina uppgifter innan det stängs.");
    expect(spoken(view)).toMatchObject({
      end_date: ["said", "said"],
      porting_code: ["said"],
      payment_mandate: ["said"],
      data_export: ["said"],
      charges: ["open", "open"],
      final_bill: ["open"],
    });
  });

  it("a question or a negation in Swedish ticks nothing", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-sv-no", "cust-se-17-years");
    await c.agent("Vill du veta om du kan behålla ditt nummer med en porteringskod?");
    await c.agent("Vill du veta om autogirot avslutas");
    await c.agent("Någon porteringskod kan vi tyvärr inte skicka.");
    await c.agent("Dina fakturor kan du inte ladda ner.");
    const view = await c.agent("Jag skickar detaljerna om slutfakturan senare.");
    expect(view.checklist.filter((i) => i.status === "discharged")).toEqual([]);
  });

  it("a Swedish confirmation while items are open raises the alert; asking does not", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-sv-confirm", "cust-se-17-years");
    expect((await c.agent("Ska jag säga upp det nu?")).alerts).toEqual([]);
    const confirmed = await c.agent("Då säger jag upp abonnemangen nu.");
    expect(confirmed.alerts.map((a) => a.kind)).toEqual(["open_obligations"]);
  });
});

describe("the language of the words, and the customer's locale when they do not tell", () => {
  it.each([
    ["Die Entsperrung ist kostenlos.", "en", "de"],
    ["Vi låser upp telefonen gratis.", "en", "sv"],
    ["Your phone is unlocked free of charge.", "de", "en"],
    ["OK.", "sv", "sv"],
    ["OK.", "de", "de"],
  ] as const)("%j (fallback %s) -> %s", (text, fallback, lang) => {
    expect(languageOfSpeech(text, fallback)).toBe(lang);
  });

  it.each([
    ["Ich habe Ihren Vertrag gekündigt.", "de-DE", true],
    ["Soll ich das jetzt kündigen?", "de-DE", false],
    ["Uppsägningen är nu registrerad.", "sv-SE", true],
    ["Ska jag avsluta det nu?", "sv-SE", false],
  ] as const)("confirmation: %j (%s) -> %s", (said, locale, yes) => {
    expect(isConfirmation(said, locale)).toBe(yes);
  });

  it.each([
    ["Wir bieten Ihnen keine Rabatte an, das ist Ihre Entscheidung.", "de-DE", false],
    ["Vi kan erbjuda dig halva priset i tre månader.", "sv-SE", true],
  ] as const)("offer: %j (%s) -> %s", (said, locale, yes) => {
    expect(isOffer(said, locale)).toBe(yes);
  });

  it.each([
    ["Nein, danke.", "de-DE", true],
    ["Nej tack, jag vill bara säga upp.", "sv-SE", true],
    ["Das klingt gut, erzählen Sie mehr.", "de-DE", false],
  ] as const)("decline: %j (%s) -> %s", (said, locale, yes) => {
    expect(isDecline(said, locale)).toBe(yes);
  });
});
