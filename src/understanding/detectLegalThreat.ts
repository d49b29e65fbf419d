/**
 * Mentions a lawyer, a court, an ombudsman or a consumer body ("solicitor", "Trading
 * Standards", "ARN", "advokat", "Anwalt", "Verbraucherzentrale", "klagen"). The policy
 * decides what follows (usually a person); the understander only raises the flag.
 */
import { lexicon } from "./compiledLexicon.js";
import type { Message } from "./message.js";

export function detectLegalThreat(message: Message): boolean {
  return lexicon.legalThreat.test(message);
}
