/**
 * Understand what the customer wants to end and why: which services (when they have more than
 * one), the reason (optional), the new postcode when moving (so coverage is a fact), whether to
 * keep a mobile number. Claims about promises are collected for the policy to see.
 */
import type { Service } from "../../domain/customer.js";
import { phrase } from "../botReply.js";
import { phrases } from "../phrases.js";
import type { Turn } from "../turn.js";
import { startHandover } from "./handover.js";
import { startReview } from "./review.js";

export function activeServices(turn: Turn): Service[] {
  return (turn.customer?.services ?? []).filter((s) => s.status === "active" || s.status === "pending");
}

/** Applies whatever this message told us to the gathered facts. */
export function absorb(turn: Turn): void {
  const { heard, state } = turn;
  const f = state.facts;
  if (heard.reason && (state.expecting === "reason" || !f.reason || heard.reason !== "other"))
    f.reason = heard.reason;
  if (heard.claim && !f.claims.some((c) => c.text === heard.claim?.text))
    f.claims.push({ text: heard.claim.text, ...(heard.claim.kind ? { kind: heard.claim.kind } : {}) });
  if (heard.legalThreat) f.legalThreat = true;
  if (heard.keepNumber !== undefined) f.keepNumber = heard.keepNumber;
  if (state.expecting === "keep_number" && f.keepNumber === undefined) {
    if (heard.intents.includes("yes")) f.keepNumber = true;
    else if (heard.intents.includes("no")) f.keepNumber = false;
  }
  if (
    heard.postcode &&
    (state.expecting === "new_postcode" || (f.reason === "moving" && !f.newPostcode && state.customerId))
  ) {
    f.newPostcode = heard.postcode;
    f.newCountry ??= turn.customer?.address.country;
  }
  if (heard.serviceKinds && heard.serviceKinds.length > 0) f.serviceKinds = heard.serviceKinds;
  if (f.serviceKinds && turn.customer) {
    const kinds = new Set<string>(f.serviceKinds);
    const named = activeServices(turn).filter((s) => kinds.has(s.kind));
    if (named.length > 0) f.serviceIds = named.map((s) => s.id);
    f.serviceKinds = undefined;
  }
  if (
    state.expecting === "services" &&
    !f.serviceIds &&
    /\b(all|both|everything|allt|alla|båda|alles|beide)\b/i.test(turn.text)
  )
    f.serviceIds = activeServices(turn).map((s) => s.id);
  if (state.expecting === "reason" && !f.reason && heard.intents.includes("no")) f.reason = "other";
  turn.invalidate();
}

/** After identification: ask only what is still missing, then review. */
export async function startUnderstanding(turn: Turn): Promise<void> {
  const { state } = turn;
  state.stage = "understand";
  absorb(turn);
  const services = activeServices(turn);
  const f = state.facts;
  if (services.length === 0) {
    await startHandover(turn, [{ ruleId: "bot.no-services", reason: phrases.noActiveServices }]);
    return;
  }
  if (!f.serviceIds) {
    if (services.length === 1) f.serviceIds = [services[0]!.id];
    else {
      state.expecting = "services";
      turn.say(
        phrase(phrases.whichServices(services), {
          suggestions: ["All of them", ...services.map((s) => s.plan)],
        }),
      );
      return;
    }
  }
  if (!f.reason && !f.reasonAsked) {
    f.reasonAsked = true;
    state.expecting = "reason";
    turn.say(phrase(phrases.askReason));
    return;
  }
  if (f.reason === "moving" && !f.newPostcode) {
    state.expecting = "new_postcode";
    turn.say(phrase(phrases.askNewPostcode));
    return;
  }
  const mobile = services.find((s) => s.kind === "mobile" && f.serviceIds?.includes(s.id) && s.phoneNumber);
  if (mobile && f.keepNumber === undefined) {
    state.expecting = "keep_number";
    turn.say(phrase(phrases.askKeepNumber(mobile), { suggestions: ["Yes", "No"] }));
    return;
  }
  turn.invalidate();
  await startReview(turn);
}
