import { deflateSync } from 'node:zlib';
import { crc32 } from './crc32.js';

/** The Teams app icons, drawn in code so they can be regenerated: a speech bubble with lines of text. */

type Rgb = [number, number, number];
type Shape = (x: number, y: number) => boolean;

const ACCENT: Rgb = [0x1f, 0x5f, 0x8b];
const LIGHT: Rgb = [0xe8, 0xf1, 0xf8];
const WHITE: Rgb = [0xff, 0xff, 0xff];

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function triangle(a: [number, number], b: [number, number], c: [number, number]): Shape {
  const side = (p: [number, number], q: [number, number], x: number, y: number) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  return (x, y) => {
    const s = [side(a, b, x, y), side(b, c, x, y), side(c, a, x, y)];
    return s.every((v) => v >= 0) || s.every((v) => v <= 0);
  };
}

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** An RGBA raster; each layer is painted with 4×4 supersampling so edges are smooth. */
class Canvas {
  readonly rgba: Buffer;
  constructor(
    readonly size: number,
    background?: Rgb,
  ) {
    this.rgba = Buffer.alloc(size * size * 4);
    if (background) this.paint(() => true, background);
  }

  paint(shape: Shape, [r, g, b]: Rgb): this {
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        let hits = 0;
        for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (shape(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) hits++;
        if (hits === 0) continue;
        const a = hits / 16;
        const i = (y * this.size + x) * 4;
        const below = this.rgba[i + 3]! / 255;
        const out = a + below * (1 - a);
        const mix = (c: number, o: number) => Math.round((c * a + o * below * (1 - a)) / out);
        this.rgba[i] = mix(r, this.rgba[i]!);
        this.rgba[i + 1] = mix(g, this.rgba[i + 1]!);
        this.rgba[i + 2] = mix(b, this.rgba[i + 2]!);
        this.rgba[i + 3] = Math.round(out * 255);
      }
    }
    return this;
  }

  png(): Buffer {
    return encodePng(this.size, this.size, this.rgba);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A truecolour-with-alpha PNG: signature, IHDR, one IDAT of unfiltered scanlines, IEND. */
function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, adaptive filtering, no interlace
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** 192×192, full colour: a light bubble on the accent colour. */
export function colorIcon(): Buffer {
  const bubble = union(roundedRect(34, 42, 158, 130, 20), triangle([58, 124], [94, 124], [52, 158]));
  return new Canvas(192, ACCENT)
    .paint(bubble, LIGHT)
    .paint(roundedRect(58, 68, 134, 80, 6), ACCENT)
    .paint(roundedRect(58, 92, 114, 104, 6), ACCENT)
    .png();
}

/** 32×32, white on transparent: the same bubble in outline. */
export function outlineIcon(): Buffer {
  const outer = union(roundedRect(3, 5, 29, 23, 4), triangle([8, 22], [14, 22], [7, 29]));
  const inner = union(roundedRect(5, 7, 27, 21, 2.5), triangle([9.5, 20], [12.5, 20], [9, 25]));
  return new Canvas(32).paint(union(minus(outer, inner), roundedRect(9, 11, 23, 13, 1), roundedRect(9, 15, 19, 17, 1)), WHITE).png();
}
