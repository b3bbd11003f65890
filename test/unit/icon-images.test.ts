// The PNGs the shell draws: well-formed (signature, header, checksums) and showing what they say.
import { crc32, inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { png, trayIconPng, unreadDotPng } from '../../electron/shell/icon-images';

/** Reads the PNG back: its size and RGBA pixels, checking every chunk's CRC. */
function decode(bytes: Buffer) {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let offset = 8;
  let width = 0;
  const idat: Buffer[] = [];
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('ascii', offset + 4, offset + 8);
    const data = bytes.subarray(offset + 8, offset + 8 + length);
    expect(bytes.readUInt32BE(offset + 8 + length)).toBe(crc32(bytes.subarray(offset + 4, offset + 8 + length)) >>> 0);
    if (type === 'IHDR') width = data.readUInt32BE(0);
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => [...rows.subarray(y * (1 + width * 4) + 1 + x * 4).subarray(0, 4)];
  return { width, pixel };
}

describe('the drawn icons', () => {
  it('png() writes the pixels it is given', () => {
    const image = decode(png(4, (x, y) => (x < 2 && y < 2 ? [1, 2, 3, 255] : null)));
    expect(image.width).toBe(4);
    expect(image.pixel(0, 0)).toEqual([1, 2, 3, 255]);
    expect(image.pixel(3, 3)).toEqual([0, 0, 0, 0]);
  });

  it('the unread dot is red in the middle and clear in the corners', () => {
    const dot = decode(unreadDotPng(16));
    expect(dot.pixel(8, 8)).toEqual([220, 38, 38, 255]);
    expect(dot.pixel(0, 0)[3]).toBe(0);
  });

  it('the tray icon has a red dot only while mail is unread', () => {
    const red = [220, 38, 38, 255];
    expect(decode(trayIconPng(32, true)).pixel(25, 7)).toEqual(red);
    expect(decode(trayIconPng(32, false)).pixel(25, 7)).not.toEqual(red);
  });
});
