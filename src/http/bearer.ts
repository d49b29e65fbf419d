/** The bearer credential of a request, and a constant-time comparison for shared secrets. */
import { createHash, timingSafeEqual } from "node:crypto";
import type { Request } from "restify";

export function bearerOf(req: Request): string | undefined {
  const header = req.header("authorization");
  const match = /^Bearer\s+(\S+)$/i.exec(header ?? "");
  return match?.[1];
}

export function sameSecret(given: string | undefined, expected: string | undefined): boolean {
  if (!given || !expected) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}
