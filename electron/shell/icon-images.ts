// The small images the shell draws itself, as PNG bytes: the taskbar's unread overlay (a red
// dot) and the tray icon (an envelope, with a dot while there is unread mail). Drawn in code so
// the app needs no image files at run time and the tray shows its state at any size. Pure Node.
import { crc32, deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
type Painter = (x: number, y: number) => Rgba | null;

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/** A size × size RGBA PNG whose pixels `paint` gives (null: transparent). */
export function png(size: number, paint: Painter): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (1 + size * 4));
  for (let y = 0; y < size; y++) {
    const row = y * (1 + size * 4); // each row starts with filter 0 (none)
    for (let x = 0; x < size; x++) {
      const color = paint(x + 0.5, y + 0.5);
      if (color) rows.set(color, row + 1 + x * 4);
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const RED: Rgba = [220, 38, 38, 255];
const INK: Rgba = [60, 64, 72, 255];
const PAPER: Rgba = [250, 250, 250, 255];

const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

/** The taskbar overlay for unread mail (Windows): a red dot filling the 16 × 16 corner. */
export function unreadDotPng(size = 16): Buffer {
  return png(size, (x, y) => (inCircle(x, y, size / 2, size / 2, size / 2 - 0.5) ? RED : null));
}

/** The tray icon: an envelope (outline and flap), with a red dot top right when mail is unread. */
export function trayIconPng(size: number, unread: boolean): Buffer {
  const left = size * 0.06;
  const right = size * 0.94;
  const top = size * 0.2;
  const bottom = size * 0.8;
  const line = Math.max(1, size / 16);
  const dot = { cx: size * 0.78, cy: size * 0.22, r: size * 0.2 };
  return png(size, (x, y) => {
    if (unread && inCircle(x, y, dot.cx, dot.cy, dot.r)) return RED;
    if (x < left || x > right || y < top || y > bottom) return null;
    const edge = x - left < line || right - x < line || y - top < line || bottom - y < line;
    // the flap: two lines from the top corners to the middle
    const mid = (left + right) / 2;
    const flapY = top + ((bottom - top) * 0.55 * (mid - Math.abs(x - mid) - left)) / (mid - left);
    const flap = Math.abs(y - flapY) < line;
    return edge || flap ? INK : PAPER;
  });
}
