/**
 * What a customer may type that FairExit never needs and never keeps, masked as a message
 * arrives, before it is stored, understood, handed over, shown to an agent or sent to an LLM:
 * card numbers and IBANs (the last four kept, ./paymentDetails.ts) and national identity
 * numbers (nothing kept, ./nationalIdentityNumbers.ts).
 */
import { maskNationalIdentityNumbers } from "./nationalIdentityNumbers.js";
import { maskPaymentDetails } from "./paymentDetails.js";

export function maskTypedPersonalData(text: string): string {
  return maskNationalIdentityNumbers(maskPaymentDetails(text));
}
