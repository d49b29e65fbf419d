/**
 * Ofcom porting codes: a PAC (port and keep the number) or a STAC (leave without it), three
 * letters then six digits, valid 30 days. The embedded operations derive the code from the
 * action's idempotency key and a secret, so issuing twice gives the same code.
 */
import { createHmac } from "node:crypto";

export const PORTING_CODE = /^[A-Z]{3}\d{6}$/;
export const PORTING_CODE_VALID_DAYS = 30;

export function portingCodeFor(idempotencyKey: string, secret: string): string {
  const digest = createHmac("sha256", secret).update(idempotencyKey).digest();
  const letters = Array.from(digest.subarray(0, 3), (b) => String.fromCharCode(65 + (b % 26))).join("");
  const digits = String(digest.readUInt32BE(3) % 1_000_000).padStart(6, "0");
  return `${letters}${digits}`;
}
