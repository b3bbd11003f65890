// Pictures in a rich body: data: URLs out to cid: parts and back, only images, only small ones.
import { describe, expect, it } from 'vitest';
import { COMPOSE_LIMITS } from '../../shared/compose';
import { embedInlineImages, extractInlineImages } from '../../electron/core/smtp/inline-images';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
const dataUrl = (type: string, bytes: Buffer) => `data:${type};base64,${bytes.toString('base64')}`;

describe('inline images', () => {
  it('turns each data: picture into a cid: reference and one part per distinct picture', () => {
    const html = `<p>a<img src="${dataUrl('image/png', PNG)}">b</p><p><img alt="x" src='${dataUrl('image/png', PNG)}'></p>`;
    const { html: out, images } = extractInlineImages(html, '<abc@example.test>');
    expect(images).toHaveLength(1);
    const [image] = images;
    expect(image!.cid).toMatch(/^image1\.[0-9a-f]{16}@example\.test$/);
    expect(image!.contentType).toBe('image/png');
    expect(image!.filename).toBe('image1.png');
    expect(image!.content.equals(PNG)).toBe(true);
    expect(out).toBe(`<p>a<img src="cid:${image!.cid}">b</p><p><img alt="x" src='cid:${image!.cid}'></p>`);
    expect(out).not.toContain('data:');
  });

  it('drops a data: URL that is no picture, or too big, instead of sending it', () => {
    const big = Buffer.alloc(COMPOSE_LIMITS.inlineImageBytes + 1, 1);
    const html = `<img src="${dataUrl('text/html', Buffer.from('<b>'))}"><img src="${dataUrl('image/png', big)}">`;
    const { html: out, images } = extractInlineImages(html, '<abc@example.test>');
    expect(images).toEqual([]);
    expect(out).toBe('<img src=""><img src="">');
  });

  it('leaves ordinary links and remote pictures alone', () => {
    const html = '<p><a href="https://example.test/x.png">x</a><img src="https://example.test/y.png"></p>';
    expect(extractInlineImages(html, '<abc@example.test>')).toEqual({ html, images: [] });
  });

  it('puts cid: pictures of an opened draft back into the body and keeps the other parts', () => {
    const { html, images } = extractInlineImages(`<p><img src="${dataUrl('image/png', PNG)}"></p>`, '<m@x.test>');
    const parts = [
      { cid: images[0]!.cid, contentType: 'image/png', content: PNG },
      { cid: undefined, contentType: 'application/pdf', content: Buffer.from('%PDF') },
    ];
    const { html: back, rest } = embedInlineImages(html, parts);
    expect(back).toBe(`<p><img src="${dataUrl('image/png', PNG)}"></p>`);
    expect(rest).toEqual([parts[1]]);
  });

  it('leaves a cid: reference with no such part as it is', () => {
    const html = '<img src="cid:missing@x">';
    expect(embedInlineImages(html, [])).toEqual({ html, rest: [] });
  });
});
