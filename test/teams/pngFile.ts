/**
 * Reads a PNG the way a viewer would, independently of our encoder: IHDR for the size and
 * colour type, the IDAT chunks inflated to rows (filter type 0, what drawIcons writes).
 */
import { inflateSync } from "node:zlib";

export interface PngFile {
  width: number;
  height: number;
  /** 6 = RGBA. */
  colorType: number;
  /** RGBA bytes, rows top to bottom. */
  pixels: Buffer;
}

export function readPng(png: Buffer): PngFile {
  if (png.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  let offset = 8;
  let ihdr: Buffer | undefined;
  const idat: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.subarray(offset + 4, offset + 8).toString("ascii");
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") ihdr = data;
    if (type === "IDAT") idat.push(data);
    offset += 12 + length;
  }
  if (!ihdr) throw new Error("no IHDR chunk");
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const colorType = ihdr[9]!;
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 4;
  const pixels = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    if (filter !== 0) throw new Error(`row ${y}: filter ${filter}, this reader knows only 0`);
    raw.copy(pixels, y * stride, y * (stride + 1) + 1, (y + 1) * (stride + 1));
  }
  return { width, height, colorType, pixels };
}
