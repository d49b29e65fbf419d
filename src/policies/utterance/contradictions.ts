/**
 * Contradictions between a message and the Decision about how the cancellation goes: sending
 * the customer to a store when the unlock is remote, making an offer that is no longer
 * allowed, and saying the customer cannot cancel (or must call) when the decision lets them.
 * Fees and amounts are in feeContradictions.ts.
 */
import type { Decision } from "../decision.js";
import type { Ledger } from "../ledger.js";
import {
  ABOUT_CANCELLING,
  CANNOT_CANCEL,
  CANNOT_CANCEL_EXCEPT,
  DURATION,
  MUST_USE_OTHER_CHANNEL,
  NO_NEED,
  OFFER_FRAME,
  OFFER_NEGATED,
  OFFER_NOUN,
  OPTIONAL,
  STORE_VISIT,
  UNLOCK,
} from "./contradictionLexicon.js";
import { type CheckedText, type Finding, contradiction as finding } from "./finding.js";
import type { Range } from "./text.js";

const DIGITS: Record<string, string> = {
  a: "1",
  an: "1",
  one: "1",
  en: "1",
  ett: "1",
  ein: "1",
  eine: "1",
  einen: "1",
  two: "2",
  två: "2",
  zwei: "2",
  three: "3",
  tre: "3",
  drei: "3",
  seven: "7",
  sju: "7",
  sieben: "7",
};
const UNITS: [RegExp, string][] = [
  [/^(?:hours?|hrs?|h|timmar|timme|stunden|stunde|std)$/u, "h"],
  [/^(?:working days?|business days?|arbetsdagar|werktage|werktagen)$/u, "wd"],
  [/^(?:days?|dygn|dagar|dag|tage|tagen|tag)$/u, "d"],
  [/^(?:weeks?|veckor|vecka|wochen|woche)$/u, "w"],
];

function durations(text: string): { key: string; range: Range }[] {
  const out: { key: string; range: Range }[] = [];
  for (const m of DURATION.all(text)) {
    const n = m.groups.n ?? "";
    const unitRaw = m.groups.unit ?? "";
    const unit = UNITS.find(([re]) => re.test(unitRaw))?.[1] ?? unitRaw;
    out.push({ key: `${DIGITS[n] ?? n}${unit}`, range: { start: m.index, end: m.index + m.text.length } });
  }
  return out;
}

/** Store visits and waiting times when the decision's unlock is remote. */
export function unlockContradictions(t: CheckedText, decision: Decision): Finding[] {
  const unlock = decision.obligations.find((o) => o.topic === "device_unlock");
  if (!unlock || !UNLOCK.test(t.lower)) return [];
  const storeInDecision = STORE_VISIT.test(unlock.message.toLowerCase());
  const promised = new Set(durations(unlock.message.toLowerCase()).map((d) => d.key));
  const out: Finding[] = [];
  for (const s of t.sentences) {
    const sText = t.lower.slice(s.start, s.end);
    if (OPTIONAL.test(sText) || NO_NEED.test(sText)) continue;
    const store = storeInDecision ? null : STORE_VISIT.exec(sText);
    if (store) {
      const r = { start: s.start + store.index, end: s.start + store.index + store.text.length };
      out.push(
        finding(
          t,
          "remote_unlock",
          unlock.ruleId,
          r,
          "Sends the customer to a store, but the decision unlocks the device remotely.",
          unlock.message,
        ),
      );
    }
    if (!UNLOCK.test(sText)) continue;
    for (const d of durations(sText)) {
      if (promised.has(d.key)) continue;
      const r = { start: s.start + d.range.start, end: s.start + d.range.end };
      out.push(
        finding(
          t,
          "remote_unlock",
          unlock.ruleId,
          r,
          `Says the unlock takes ${t.text.slice(r.start, r.end)}, but the decision unlocks it remotely as stated in its message.`,
          unlock.message,
        ),
      );
    }
  }
  return out;
}

const canonical = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Why no further retention offer may be made now, if so. */
export function offerBlocked(
  decision?: Decision,
  ledger?: Ledger,
): { ruleId: string; reason: string } | undefined {
  if (ledger && ledger.declines.length > 0)
    return { ruleId: "contradiction.extra_offer", reason: "the customer has already declined an offer" };
  if (!decision) return undefined;
  const r = decision.retention;
  if (!r.allowed) {
    const b = r.blockedBy[0];
    return {
      ruleId: b?.ruleId ?? "contradiction.extra_offer",
      reason: b?.reason ?? "the decision allows no offer",
    };
  }
  if (r.remaining <= 0 || (ledger && ledger.offers.length >= r.maxOffers))
    return {
      ruleId: "contradiction.extra_offer",
      reason: `the decision allows ${r.maxOffers} offer${r.maxOffers === 1 ? "" : "s"} and none remain`,
    };
  return undefined;
}

/** A retention offer made when the decision or the ledger says no more may be made. */
export function offerContradictions(t: CheckedText, decision?: Decision, ledger?: Ledger): Finding[] {
  const blocked = offerBlocked(decision, ledger);
  if (!blocked) return [];
  const offers = (decision?.retention.offers ?? []).map((o) => canonical(o.text)).filter((o) => o !== "");
  for (const s of t.sentences) {
    const sText = t.lower.slice(s.start, s.end);
    const lower = canonical(sText);
    const fromDecision = offers.some((o) => lower.includes(o) || (lower.length > 20 && o.includes(lower)));
    const offered =
      fromDecision || (OFFER_NOUN.test(sText) && OFFER_FRAME.test(sText) && !OFFER_NEGATED.test(sText));
    if (!offered) continue;
    const lead = sText.length - sText.trimStart().length;
    const r = { start: s.start + lead, end: s.start + sText.trimEnd().length };
    return [
      finding(
        t,
        "extra_offer",
        blocked.ruleId,
        r,
        `Makes a retention offer, but ${blocked.reason}.`,
        "Understood. I'll carry on with the cancellation.",
      ),
    ];
  }
  return [];
}

/** "You can't cancel" / "you must call" when the decision lets the customer cancel here. */
export function cancelContradictions(t: CheckedText, decision: Decision): Finding[] {
  const allowed = decision.services.length > 0 || decision.actions.some((a) => a.kind === "end_service");
  if (!allowed) return [];
  const ruleId =
    decision.actions.find((a) => a.kind === "end_service")?.ruleId ?? "contradiction.cannot_cancel";
  const out: Finding[] = [];
  for (const s of t.sentences) {
    const sText = t.lower.slice(s.start, s.end);
    if (CANNOT_CANCEL_EXCEPT.test(sText) || OPTIONAL.test(sText)) continue;
    const m =
      CANNOT_CANCEL.exec(sText) ?? (ABOUT_CANCELLING.test(sText) ? MUST_USE_OTHER_CHANNEL.exec(sText) : null);
    if (m) {
      const r = { start: s.start + m.index, end: s.start + m.index + m.text.length };
      out.push(
        finding(
          t,
          "cannot_cancel",
          ruleId,
          r,
          "Says the customer cannot cancel here (or must use another channel), but the decision lets them cancel in this conversation.",
          "You can cancel right here. I'll take you through it.",
        ),
      );
    }
  }
  return out;
}
