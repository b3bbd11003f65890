// The cache of remote images the engine answered: asked once, and holding only safe image data: URLs.
import { describe, expect, it } from 'vitest';
import type { Transport } from '../../shared/contract';
import { fetchRemoteImageCached } from '../../renderer/message-view/remote-image-cache';

const PNG = 'data:image/png;base64,iVBORw0KGgo=';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('fetchRemoteImageCached', () => {
  function fakeTransport(answer: (url: string) => Promise<{ dataUrl: string | null; blocked?: string }>) {
    const calls: string[] = [];
    const transport = {
      invoke: async (method: string, input: { url: string }) => {
        expect(method).toBe('remote.image');
        calls.push(input.url);
        return answer(input.url);
      },
      onEvent: () => () => {},
    } as unknown as Transport;
    return { transport, calls };
  }

  it('asks the engine once per URL and keeps its answer', async () => {
    const { transport, calls } = fakeTransport(async () => ({ dataUrl: PNG }));
    const [a, b] = await Promise.all([
      fetchRemoteImageCached(transport, 'https://a.test/x.png'),
      fetchRemoteImageCached(transport, 'https://a.test/x.png'),
    ]);
    expect(await fetchRemoteImageCached(transport, 'https://a.test/x.png')).toBe(PNG);
    expect([a, b]).toEqual([PNG, PNG]);
    expect(calls).toEqual(['https://a.test/x.png']);
  });

  it('forgets refusals and failures, so the next opening asks again', async () => {
    let attempt = 0;
    const { transport, calls } = fakeTransport(async () => {
      attempt++;
      if (attempt === 1) return { dataUrl: null, blocked: 'timeout' };
      if (attempt === 2) throw new Error('offline');
      return { dataUrl: PNG };
    });
    expect(await fetchRemoteImageCached(transport, 'https://a.test/y.png')).toBeNull();
    await tick();
    expect(await fetchRemoteImageCached(transport, 'https://a.test/y.png')).toBeNull();
    await tick();
    expect(await fetchRemoteImageCached(transport, 'https://a.test/y.png')).toBe(PNG);
    expect(calls).toHaveLength(3);
  });

  it('accepts only safe image data: URLs from the engine', async () => {
    const { transport } = fakeTransport(async (url) => ({
      dataUrl: url.endsWith('html') ? 'data:text/html;base64,PHA+' : 'https://a.test/not-data.png',
    }));
    expect(await fetchRemoteImageCached(transport, 'https://a.test/html')).toBeNull();
    expect(await fetchRemoteImageCached(transport, 'https://a.test/url')).toBeNull();
  });
});
