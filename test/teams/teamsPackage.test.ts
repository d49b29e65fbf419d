/**
 * The app package Teams admins upload: exactly manifest.json and the two icons at the zip's
 * root, icons of the sizes Teams requires, the bot id from MicrosoftAppId; nothing written
 * when the manifest is wrong.
 */
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import JSZip from "jszip";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { drawColorIcon, drawOutlineIcon } from "../../src/adapters/teams/drawIcons.js";
import { buildTeamsPackage, MANIFEST_DIR, TEMPLATE_FILE } from "../../src/adapters/teams/teamsPackage.js";
import { readPng } from "./pngFile.js";
import { aTeamsEnv, BOT_ID } from "./teamsEnv.js";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-teams-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A copy of manifest/ in the temp folder, with the template edited by `edit`. */
async function manifestDirWith(edit: (template: string) => string): Promise<string> {
  for (const file of ["color.png", "outline.png"]) await copyFile(join(MANIFEST_DIR, file), join(dir, file));
  const template = await readFile(join(MANIFEST_DIR, TEMPLATE_FILE), "utf8");
  await writeFile(join(dir, TEMPLATE_FILE), edit(template));
  return dir;
}

describe("buildTeamsPackage", () => {
  it("writes a zip of exactly manifest.json, color.png and outline.png, at its root", async () => {
    const outFile = join(dir, "out", "fairexit-teams.zip");
    const pkg = await buildTeamsPackage({ env: aTeamsEnv(), outFile });
    expect(pkg.files).toEqual(["manifest.json", "color.png", "outline.png"]);
    const zip = await JSZip.loadAsync(await readFile(outFile));
    expect(Object.keys(zip.files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
  });

  it("puts MicrosoftAppId in the packaged manifest as the bot id", async () => {
    const outFile = join(dir, "fairexit-teams.zip");
    await buildTeamsPackage({ env: aTeamsEnv(), outFile });
    const zip = await JSZip.loadAsync(await readFile(outFile));
    const manifest = JSON.parse(await zip.file("manifest.json")!.async("string"));
    expect(manifest.bots[0].botId).toBe(BOT_ID);
    expect(manifest.icons).toEqual({ color: "color.png", outline: "outline.png" });
  });

  it("packs a 192x192 color icon and a 32x32 white-on-transparent outline icon", async () => {
    const outFile = join(dir, "fairexit-teams.zip");
    await buildTeamsPackage({ env: aTeamsEnv(), outFile });
    const zip = await JSZip.loadAsync(await readFile(outFile));
    const color = readPng(await zip.file("color.png")!.async("nodebuffer"));
    const outline = readPng(await zip.file("outline.png")!.async("nodebuffer"));
    expect([color.width, color.height, color.colorType]).toEqual([192, 192, 6]);
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);

    const pixels = (png: typeof color) =>
      Array.from({ length: png.width * png.height }, (_, i) => png.pixels.subarray(i * 4, i * 4 + 4));
    expect(pixels(color).every((p) => p[3] === 255)).toBe(true); // full color: opaque
    const inked = pixels(outline).filter((p) => p[3]! > 0);
    expect(inked.every((p) => p[0] === 255 && p[1] === 255 && p[2] === 255)).toBe(true); // white only
    expect(inked.length).toBeGreaterThan(100);
    expect(pixels(outline).some((p) => p[3] === 0)).toBe(true); // on transparent
  });

  it("gives the same bytes for the same inputs", async () => {
    const first = join(dir, "a.zip");
    const second = join(dir, "b.zip");
    await buildTeamsPackage({ env: aTeamsEnv(), outFile: first, packageVersion: "1.0.0" });
    await buildTeamsPackage({ env: aTeamsEnv(), outFile: second, packageVersion: "1.0.0" });
    expect(await readFile(first)).toEqual(await readFile(second));
  });

  it("refuses to write a package when the rendered manifest breaks the Teams schema, listing each problem", async () => {
    const manifestDir = await manifestDirWith((t) =>
      t.replace('"supportsFiles": false', '"supportsFiles": "no"').replace('"accentColor": "#0F766E",', ""),
    );
    const outFile = join(dir, "fairexit-teams.zip");
    await expect(buildTeamsPackage({ env: aTeamsEnv(), outFile, manifestDir })).rejects.toMatchObject({
      message: `${join(manifestDir, TEMPLATE_FILE)}: 2 problem(s) in the rendered manifest; no package written`,
      problems: [
        "manifest: must have required property 'accentColor'",
        "bots[0].supportsFiles: must be boolean",
      ],
    });
    await expect(stat(outFile)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("refuses icons of the wrong size", async () => {
    const manifestDir = await manifestDirWith((t) => t);
    await copyFile(join(MANIFEST_DIR, "outline.png"), join(manifestDir, "color.png"));
    await expect(
      buildTeamsPackage({ env: aTeamsEnv(), outFile: join(dir, "x.zip"), manifestDir }),
    ).rejects.toMatchObject({ problems: ["icons.color: color.png is 32x32, Teams requires 192x192"] });
  });
});

describe("the committed icons", () => {
  it("are what src/adapters/teams/drawIcons.ts draws (regenerate with it after changing the design)", async () => {
    for (const [file, draw] of [
      ["color.png", drawColorIcon],
      ["outline.png", drawOutlineIcon],
    ] as const) {
      const committed = readPng(await readFile(join(MANIFEST_DIR, file)));
      expect(committed.pixels.equals(readPng(draw()).pixels), file).toBe(true);
    }
  });
});
