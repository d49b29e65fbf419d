/**
 * SHA-256 of a text in one call. `crypto.hash` (Node 20.12+) hashes a short string in less than
 * half the time of `createHash().update().digest()`, which builds a Hash object per call; the
 * audit chain, the disclosure ledger and PII masking hash several short texts on every turn.
 */
import { hash } from "node:crypto";

export const sha256Hex = (text: string): string => hash("sha256", text, "hex");

export const sha256Base64url = (text: string): string => hash("sha256", text, "base64url");
