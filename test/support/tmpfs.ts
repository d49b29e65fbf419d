/**
 * A small real file system for fault tests: a tmpfs of a few megabytes mounted on a fresh
 * folder, which a test can fill to the last byte or remount read-only. Mounting needs root (or
 * CAP_SYS_ADMIN); where it is refused the suites skip, saying why, unless
 * FAIREXIT_FAULT_TESTS=required (CI as root, .ci/run), where they fail instead.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe } from "vitest";

export interface SmallDisk {
  dir: string;
  /** Writes a filler file until the disk refuses another byte (ENOSPC). */
  fill(): Promise<void>;
  /** Deletes the filler. */
  free(): Promise<void>;
  readOnly(): void;
  readWrite(): void;
  unmount(): void;
}

function tryMount(sizeKb: number): SmallDisk | string {
  const dir = mkdtempSync(join(tmpdir(), "fairexit-small-disk-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", dir], {
      stdio: "pipe",
    });
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    return `cannot mount a tmpfs here (${String((e as Error).message).split("\n")[0]}); run as root`;
  }
  const filler = join(dir, "filler.bin");
  const remount = (mode: "ro" | "rw") =>
    execFileSync("mount", ["-o", `remount,${mode}`, dir], { stdio: "pipe" });
  return {
    dir,
    async fill() {
      const handle = await open(filler, "a");
      try {
        for (const size of [65536, 4096, 512, 64, 1]) {
          const chunk = Buffer.alloc(size, 120);
          for (;;) {
            try {
              await handle.write(chunk);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code === "ENOSPC") break;
              throw e;
            }
          }
        }
      } finally {
        await handle.close();
      }
    },
    async free() {
      await rm(filler, { force: true });
    },
    readOnly: () => remount("ro"),
    readWrite: () => remount("rw"),
    unmount() {
      execFileSync("umount", ["-l", dir], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `describe` with a small disk of `sizeKb`, or a skip (a failure under FAIREXIT_FAULT_TESTS=required). */
export function describeOnSmallDisk(
  name: string,
  sizeKb: number,
  body: (disk: () => SmallDisk) => void,
): void {
  const mounted = tryMount(sizeKb);
  if (typeof mounted === "string") {
    if (process.env.FAIREXIT_FAULT_TESTS === "required")
      throw new Error(`FAIREXIT_FAULT_TESTS=required but ${mounted}`);
    describe.skip(`${name} (skipped: ${mounted})`, () => body(() => mounted as never));
    return;
  }
  describe(name, () => body(() => mounted));
}
