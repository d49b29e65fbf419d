/**
 * The embedded store is for one process: lowdb keeps the data in memory and rewrites files
 * whole. A lock file in the data folder makes a second process fail with a clear message
 * instead of silently overwriting the first one's writes.
 *
 * The lock names its owner by process id, a random token drawn at each open and, on Linux, the
 * process's start time. A process id alone is not enough: in a container the server is PID 1
 * after every restart, so the lock a crashed run left behind names "this process" too. A lock
 * with our pid but a token this process never drew, or a live pid whose start time differs
 * (the pid was reused), is stale and is taken over.
 */
import { randomBytes } from "node:crypto";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StoreError } from "../../domain/ports.js";

interface LockOwner {
  pid: number;
  /** Random per open; only the process that drew it holds it. */
  token?: string;
  /** Clock ticks since boot the process started at (/proc/<pid>/stat), when the system tells. */
  startTime?: string;
}

/** Tokens of the locks this process holds now. */
const heldTokens = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces); undefined off Linux. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return fields[19];
  } catch {
    return undefined;
  }
}

function readOwner(file: string): LockOwner | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockOwner>;
    if (typeof parsed === "number") return { pid: parsed };
    if (Number.isInteger(parsed.pid))
      return {
        pid: parsed.pid!,
        token: typeof parsed.token === "string" ? parsed.token : undefined,
        startTime: typeof parsed.startTime === "string" ? parsed.startTime : undefined,
      };
  } catch {
    // A lock written before locks carried a token: the pid alone.
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) ? { pid } : undefined;
}

/** Why the owner still holds the lock, or undefined when the lock is stale. */
function liveOwner(owner: LockOwner | undefined, dir: string): StoreError | undefined {
  if (!owner) return undefined;
  if (owner.pid === process.pid)
    return owner.token !== undefined && heldTokens.has(owner.token)
      ? new StoreError("conflict", `${dir} is already open in this process: open the embedded store once`)
      : undefined; // left by an earlier process that had our pid (a container's PID 1)
  if (!alive(owner.pid)) return undefined;
  const now = processStartTime(owner.pid);
  if (owner.startTime !== undefined && now !== undefined && now !== owner.startTime) return undefined;
  return new StoreError(
    "conflict",
    `${dir} is in use by process ${owner.pid}: the embedded store is for one process (use PostgreSQL for several)`,
  );
}

export interface FolderLock {
  release(): void;
}

export function lockDataFolder(dir: string): FolderLock {
  const file = join(dir, ".lock");
  const token = randomBytes(16).toString("hex");
  const owner: LockOwner = { pid: process.pid, token, startTime: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(owner), { flag: "wx" });
      heldTokens.add(token);
      return {
        release: () => {
          heldTokens.delete(token);
          if (readOwner(file)?.token === token) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const refusal = liveOwner(readOwner(file), dir);
      if (refusal) throw refusal;
      rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new StoreError("conflict", `${dir}: could not take the data folder lock`);
}
