/**
 * The secret a deployment without FAIREXIT_SECRET runs on: drawn at random when the data folder
 * is first used and kept in `<dir>/secret` (mode 0600), so Direct Line tokens, porting codes
 * and audit mask tokens survive restarts. Never a constant: a value anyone can read in the
 * source would let anyone forge a token. Production sets FAIREXIT_SECRET instead (enforced in
 * src/config.ts); whoever can read the data folder can read this file.
 */
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SECRET_FILE = "secret";
const MIN_LENGTH = 32;

/** A fresh random secret (256 bits, base64url). The memory store draws one per process. */
export const randomSecret = (): string => randomBytes(32).toString("base64url");

/** The folder's secret, or undefined when it has none yet. Throws when the file is unreadable or too short. */
export function readDataFolderSecret(dir: string): string | undefined {
  const file = join(dir, SECRET_FILE);
  let text: string;
  try {
    text = readFileSync(file, "utf8").trim();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new Error(`${file}: cannot read the data folder's secret: ${(e as Error).message}`);
  }
  if (text.length < MIN_LENGTH)
    throw new Error(`${file}: the data folder's secret is shorter than ${MIN_LENGTH} characters`);
  return text;
}

/** The folder's secret, created (mode 0600, never overwritten) when it has none. */
export function dataFolderSecret(dir: string): string {
  const existing = readDataFolderSecret(dir);
  if (existing) return existing;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, SECRET_FILE);
  try {
    writeFileSync(file, `${randomSecret()}\n`, { flag: "wx", mode: 0o600 });
    chmodSync(file, 0o600); // the mode above is filtered by the umask
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e; // another opener wrote it first
  }
  return readDataFolderSecret(dir)!;
}
