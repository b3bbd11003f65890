// How the message view asks the engine for a message's remote images: a few at a time, at
// most 50 per message, within a size budget, stopping when the message closes.
import { describe, expect, it } from 'vitest';
import {
  loadRemoteImages,
  MAX_REMOTE_IMAGE_CHARS,
  MAX_REMOTE_IMAGES,
  REMOTE_IMAGE_CONCURRENCY,
} from '../../renderer/message-view/remote-images';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('loadRemoteImages', () => {
  it('asks for each distinct URL once, a few at a time', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const asked: string[] = [];
    const fetchOne = async (url: string) => {
      asked.push(url);
      maxInFlight = Math.max(maxInFlight, ++inFlight);
      await tick();
      inFlight--;
      return url.endsWith('bad.png') ? null : PNG;
    };
    const urls = ['https://a.test/1.png', 'https://a.test/bad.png', 'https://a.test/1.png'];
    for (let i = 2; i < 12; i++) urls.push(`https://a.test/${i}.png`);
    const result = await loadRemoteImages(fetchOne, urls);
    expect(asked).toHaveLength(12);
    expect(maxInFlight).toBe(REMOTE_IMAGE_CONCURRENCY);
    expect(result.images.size).toBe(11);
    expect(result.images.has('https://a.test/bad.png')).toBe(false);
    expect(result.failed).toBe(1);
  });

  it('asks for at most 50 images of one message; the rest count as not loaded', async () => {
    const asked: string[] = [];
    const urls = Array.from({ length: 120 }, (_, i) => `https://a.test/${i}.png`);
    const result = await loadRemoteImages(async (url) => (asked.push(url), PNG), urls);
    expect(asked).toEqual(urls.slice(0, MAX_REMOTE_IMAGES));
    expect(result.images.size).toBe(MAX_REMOTE_IMAGES);
    expect(result.failed).toBe(120 - MAX_REMOTE_IMAGES);
  });

  it('keeps the document within its size budget', async () => {
    const big = `data:image/png;base64,${'A'.repeat(MAX_REMOTE_IMAGE_CHARS / 2)}`;
    const result = await loadRemoteImages(
      async () => big,
      ['https://a.test/1', 'https://a.test/2', 'https://a.test/3'],
    );
    expect(result.images.size).toBe(1);
    expect(result.failed).toBe(2);
  });

  it('counts a failed request as not loaded', async () => {
    const result = await loadRemoteImages(async () => Promise.reject(new Error('offline')), ['https://a.test/1']);
    expect(result).toEqual({ images: new Map(), failed: 1 });
  });

  it('starts no further request once the message is closed', async () => {
    const controller = new AbortController();
    const asked: string[] = [];
    const urls = Array.from({ length: 20 }, (_, i) => `https://a.test/${i}.png`);
    const loading = loadRemoteImages(
      async (url) => {
        asked.push(url);
        await tick();
        return PNG;
      },
      urls,
      controller.signal,
    );
    controller.abort();
    await loading;
    expect(asked).toHaveLength(REMOTE_IMAGE_CONCURRENCY);
  });
});
