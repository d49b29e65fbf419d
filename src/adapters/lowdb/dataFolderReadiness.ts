/**
 * `/readyz` for the embedded store: can the data folder still be written? A probe file is
 * written and removed; a full disk (ENOSPC, EDQUOT) or a read-only one (EROFS) takes the
 * instance out of rotation, and the detailed report says which, without the folder's path.
 */
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { ReadinessCheck } from "../../domain/readiness.js";

const WHY: Record<string, string> = {
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EACCES: "FairExit may not write there",
};

export function dataFolderReadiness(dir: string): ReadinessCheck {
  const probe = join(dir, ".readyz-probe");
  return {
    name: "data folder",
    async check() {
      try {
        await writeFile(probe, "ok");
        await rm(probe, { force: true });
        return { ok: true, detail: "accepts writes" };
      } catch (e) {
        const code = String((e as NodeJS.ErrnoException).code);
        return { ok: false, detail: `refuses writes: ${WHY[code] ?? code}` };
      }
    },
  };
}
