/**
 * The embedded store is for one process: lowdb keeps the data in memory and rewrites files
 * whole. A lock file in the data folder makes a second process fail with a clear message
 * instead of silently overwriting the first one's writes.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { StoreError } from "../../domain/ports.js";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface FolderLock {
  release(): void;
}

export function lockDataFolder(dir: string): FolderLock {
  const file = join(dir, ".lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: "wx" });
      return { release: () => rmSync(file, { force: true }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = Number.parseInt(readFileSync(file, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && alive(holder))
        throw new StoreError(
          "conflict",
          `${dir} is in use by process ${holder}: the embedded store is for one process (use PostgreSQL for several)`,
        );
      if (holder === process.pid)
        throw new StoreError(
          "conflict",
          `${dir} is already open in this process: open the embedded store once`,
        );
      rmSync(file, { force: true }); // stale lock of a process that died
    }
  }
  throw new StoreError("conflict", `${dir}: could not take the data folder lock`);
}
