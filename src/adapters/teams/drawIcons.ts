/**
 * Draws FairExit's Teams icons: an open door with an arrow leaving it, white on teal (color,
 * 192×192) and white on transparent (outline, 32×32). Pure and deterministic, so the committed
 * `manifest/*.png` can be regenerated at any time:
 *
 *     node --import tsx src/adapters/teams/drawIcons.ts
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { encodePng } from "./png.js";

/** The teal of the color icon's background; also the manifest's accentColor. */
export const TEAL = { r: 0x0f, g: 0x76, b: 0x6e } as const;

type Point = readonly [number, number];
type Segment = readonly [Point, Point];

/** The glyph in a unit square (x right, y down): a door frame open on the right, an arrow out. */
const frame: Point[] = [
  [0.55, 0.36],
  [0.55, 0.17],
  [0.17, 0.17],
  [0.17, 0.83],
  [0.55, 0.83],
  [0.55, 0.64],
];
const GLYPH: Segment[] = [
  ...frame.slice(1).map((p, i): Segment => [frame[i]!, p]),
  [
    [0.37, 0.5],
    [0.83, 0.5],
  ],
  [
    [0.83, 0.5],
    [0.69, 0.36],
  ],
  [
    [0.83, 0.5],
    [0.69, 0.64],
  ],
];

function distanceToSegment(x: number, y: number, [[ax, ay], [bx, by]]: Segment): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
}

/**
 * How much of the pixel at (px, py) the glyph's strokes cover, 0..1, anti-aliased from the
 * distance to the nearest stroke. `scale` is pixels per glyph unit; the glyph is centred.
 */
function coverage(px: number, py: number, size: number, scale: number, halfWidth: number): number {
  const x = (px + 0.5 - size / 2) / scale + 0.5;
  const y = (py + 0.5 - size / 2) / scale + 0.5;
  const d = Math.min(...GLYPH.map((s) => distanceToSegment(x, y, s)));
  return Math.max(0, Math.min(1, (halfWidth - d) * scale + 0.5));
}

interface Layout {
  size: number;
  /** Pixels per glyph unit. */
  scale: number;
  /** Half the stroke width, in glyph units. */
  halfWidth: number;
}

function draw({ size, scale, halfWidth }: Layout, paint: (cover: number) => number[]): Buffer {
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++)
    for (let px = 0; px < size; px++)
      rgba.set(paint(coverage(px, py, size, scale, halfWidth)), (py * size + px) * 4);
  return encodePng(size, size, rgba);
}

/** The 192×192 full-color icon: the white glyph on a teal square. */
export function drawColorIcon(): Buffer {
  const mix = (from: number, cover: number) => Math.round(from + (255 - from) * cover);
  // The glyph fills the 120 px safe area Teams asks for.
  return draw({ size: 192, scale: 120, halfWidth: 0.05 }, (c) => [
    mix(TEAL.r, c),
    mix(TEAL.g, c),
    mix(TEAL.b, c),
    255,
  ]);
}

/** The 32×32 outline icon: the white glyph on transparent, as Teams requires. */
export function drawOutlineIcon(): Buffer {
  return draw({ size: 32, scale: 38, halfWidth: 0.042 }, (c) => [255, 255, 255, Math.round(255 * c)]);
}

/** The icon files of the app package, by file name. */
export const ICONS = { "color.png": drawColorIcon, "outline.png": drawOutlineIcon } as const;

/** Writes color.png and outline.png into `dir`; returns the paths written. */
export async function writeIcons(dir: string): Promise<string[]> {
  const written: string[] = [];
  for (const [file, drawIcon] of Object.entries(ICONS)) {
    await writeFile(join(dir, file), drawIcon());
    written.push(join(dir, file));
  }
  return written;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = join(import.meta.dirname, "../../../manifest");
  for (const path of await writeIcons(dir)) process.stdout.write(`wrote ${path}\n`);
}
