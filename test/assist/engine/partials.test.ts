/**
 * Partial utterances: the speech recogniser's words before they are final. They update the view
 * (and may show a provisional alert) but never discharge, and a finding on a partial and on its
 * final is one alert with one id.
 */
import { describe, expect, it } from "vitest";
import { anAssistDesk, checklistOf } from "./support.js";

describe("partial then final of the same utterance", () => {
  it("shows a provisional alert on the partial and keeps one alert, same id, on the final", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-partial-1", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    const partial = await c.partial("agent", "we'll invoice the remaining 9 months", "a-7");
    expect(partial.alerts).toHaveLength(1);
    expect(partial.alerts[0]?.utterance?.final).toBe(false);
    const id = partial.alerts[0]?.id;

    const final = await c.final("agent", "We'll invoice the remaining 9 months, I'm afraid.", "a-7");
    expect(final.alerts.map((a) => a.id)).toEqual([id]);
    expect(final.alerts[0]?.utterance).toMatchObject({
      final: true,
      text: "We'll invoice the remaining 9 months, I'm afraid.",
    });
    // The transcript holds the utterance once, final.
    expect(final.transcript.filter((t) => t.utteranceId === "a-7")).toEqual([
      expect.objectContaining({ final: true }),
    ]);
  });

  it("a provisional alert the final does not confirm goes away", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-partial-2", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    expect((await c.partial("agent", "we'll invoice the remaining 9 months", "a-1")).alerts).toHaveLength(1);
    const final = await c.final(
      "agent",
      "We won't invoice anything: the promise stands and nothing is due.",
      "a-1",
    );
    expect(final.alerts).toEqual([]);
  });

  it("a partial never discharges; its final does", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-partial-3", "cust-uk-locked-handset");
    const said = "Text PAC to 65075 and your porting code arrives within a minute.";
    await c.partial("agent", said, "p-1");
    expect(checklistOf(c.view)["porting-code:svc-uk-locked-mobile"]).toBe("open");
    await c.final("agent", said, "p-1");
    expect(checklistOf(c.view)["porting-code:svc-uk-locked-mobile"]).toBe("discharged");
  });

  it("a repeated final or a late partial changes nothing", async () => {
    const { call, views } = await anAssistDesk();
    const c = call("call-partial-4", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    const first = await c.final("agent", "We'll invoice the remaining 9 months.", "x-1");
    const emitted = views.length;
    const again = await c.final("agent", "We'll invoice the remaining 9 months.", "x-1");
    const late = await c.partial("agent", "we'll invoice", "x-1");
    expect(again.version).toBe(first.version);
    expect(late.alerts).toEqual(first.alerts);
    expect(views.length).toBe(emitted);
  });
});

describe("how much is checked", () => {
  it("a partial gets the quick literal check; its final the full speech check, one alert", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-partial-5", "cust-uk-paytv-outages");
    // The lemma patterns catch this; the literal word lists do not: the partial shows nothing yet.
    expect((await c.partial("agent", "Well, what did you expect", "w-1")).alerts).toEqual([]);
    const final = await c.final("agent", "Well, what did you expect?", "w-1");
    expect(final.alerts.map((a) => a.id)).toEqual(["w-1#tone:tone.condescension.what-did-you-expect"]);
  });
});
