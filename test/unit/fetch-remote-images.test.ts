// One message's remote images: each distinct URL fetched once, a few at a time, at most a
// capped number per message, reported in order.
import { describe, expect, it } from 'vitest';
import { fetchRemoteImages } from '../../electron/core/remote/fetch-remote-images';
import { deps, fakeFetch, image } from '../support/fake-remote-fetch';

describe('fetchRemoteImages: one message, many images', () => {
  it('fetches each distinct URL once, a few at a time, and reports them in order', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const seen: string[] = [];
    const fetch = (async (input: string | URL | Request) => {
      seen.push(String(input));
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return image()();
    }) as typeof globalThis.fetch;
    const urls = Array.from({ length: 12 }, (_, i) => `https://img.example/${i % 10}.png`);
    const results = await fetchRemoteImages(urls, 4, deps(fetch));
    expect([...results.keys()]).toEqual(Array.from({ length: 10 }, (_, i) => `https://img.example/${i}.png`));
    expect(seen).toHaveLength(10);
    expect(maxInFlight).toBe(4);
    for (const result of results.values()) expect(result).toHaveProperty('dataUrl');
  });

  it('makes no more than 50 requests for one message; the rest are refused without one', async () => {
    const { fetch, calls } = fakeFetch(
      Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`https://img.example/${i}.png`, image()])),
    );
    const urls = Array.from({ length: 80 }, (_, i) => `https://img.example/${i}.png`);
    const results = await fetchRemoteImages(urls, 4, deps(fetch));
    expect(calls).toHaveLength(50);
    expect(results.size).toBe(80);
    expect(
      [...results.values()].filter((result) => 'blocked' in result && result.blocked === 'too-many-images'),
    ).toHaveLength(30);
    expect(results.get('https://img.example/49.png')).toHaveProperty('dataUrl');
    expect(results.get('https://img.example/50.png')).toEqual({ blocked: 'too-many-images' });
  });

  it('mixes loaded and refused images', async () => {
    const { fetch } = fakeFetch({ 'https://img.example/ok.png': image() });
    const results = await fetchRemoteImages(
      ['https://img.example/ok.png', 'http://10.0.0.1/x.png', 'ftp://x/y'],
      4,
      deps(fetch),
    );
    expect([...results.values()].map((result) => ('dataUrl' in result ? 'ok' : result.blocked))).toEqual([
      'ok',
      'private-address',
      'not-http',
    ]);
  });
});
