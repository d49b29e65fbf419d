/**
 * Twilio's request signature (`X-Twilio-Signature`), per Twilio's webhook security docs: the
 * full URL Twilio requested (scheme, host, path and query, as configured in Twilio), followed
 * by every POST parameter sorted by name, each as name then value with no separators (a name
 * posted more than once: its distinct values in order, as Twilio's own libraries do); HMAC-SHA1
 * of that string keyed with the account's auth token; base64. Behind a proxy the host FairExit
 * sees differs from the one Twilio called, so the URL's origin comes from FAIREXIT_PUBLIC_URL.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** The signature Twilio sends for `url` and `params` (pairs as posted; repeated names allowed). */
export function twilioSignature(
  authToken: string,
  url: string,
  params: readonly (readonly [string, string])[],
): string {
  const distinct = [...new Map(params.map(([k, v]) => [`${k}\u0000${v}`, [k, v] as const])).values()];
  const sorted = distinct.sort(([a, x], [b, y]) => (a < b ? -1 : a > b ? 1 : x < y ? -1 : x > y ? 1 : 0));
  const data = url + sorted.map(([k, v]) => k + v).join("");
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
}

/** Whether `given` is the signature of `url` and `params`, compared in constant time. */
export function validTwilioSignature(
  authToken: string,
  given: string | undefined,
  url: string,
  params: readonly (readonly [string, string])[],
): boolean {
  if (!given) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, params));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
