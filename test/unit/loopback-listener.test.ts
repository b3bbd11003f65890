import http from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  LoopbackClosedError,
  LoopbackTimeoutError,
  startLoopbackListener,
} from '../../electron/core/accounts/auth/loopback-listener';

/** One GET without keep-alive; resolves with the status, or the connection error's code. */
function get(url: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode ?? 0));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
  });
}

describe('loopback listener', () => {
  it('listens on 127.0.0.1 at a random port and takes the first answer with the right state', async () => {
    const listener = await startLoopbackListener({ state: 'right-state', timeoutMs: 5000 });
    const url = new URL(listener.redirectUri);
    expect(url.hostname).toBe('127.0.0.1');
    expect(Number(url.port)).toBeGreaterThan(0);
    expect(url.pathname).toBe('/callback');
    expect(await get(`${listener.redirectUri}?code=the-code&state=right-state`)).toBe(200);
    await expect(listener.answer).resolves.toEqual({ code: 'the-code' });
  });

  it('refuses a wrong or missing state and keeps waiting for the real answer', async () => {
    const listener = await startLoopbackListener({ state: 'right-state', timeoutMs: 5000 });
    expect(await get(`${listener.redirectUri}?code=forged&state=wrong-state`)).toBe(400);
    expect(await get(`${listener.redirectUri}?code=forged`)).toBe(400);
    expect(await get(`${listener.redirectUri.replace('/callback', '/other')}?code=x&state=right-state`)).toBe(404);
    expect(await get(`${listener.redirectUri}?code=real&state=right-state`)).toBe(200);
    await expect(listener.answer).resolves.toEqual({ code: 'real' });
  });

  it('is closed after one use: a replay of the answer finds nothing listening', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 5000 });
    const answer = `${listener.redirectUri}?code=c&state=s`;
    expect(await get(answer)).toBe(200);
    await listener.answer;
    expect(await get(answer)).toBe('ECONNREFUSED');
  });

  it('hands on the provider error (consent denied)', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 5000 });
    expect(await get(`${listener.redirectUri}?error=access_denied&error_description=no&state=s`)).toBe(200);
    await expect(listener.answer).resolves.toEqual({ error: 'access_denied', description: 'no' });
  });

  it('gives up and closes after the timeout', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 150 });
    await expect(listener.answer).rejects.toBeInstanceOf(LoopbackTimeoutError);
    expect(await get(`${listener.redirectUri}?code=late&state=s`)).toBe('ECONNREFUSED');
  });

  it('close() cancels the wait', async () => {
    const listener = await startLoopbackListener({ state: 's', timeoutMs: 5000 });
    listener.close();
    await expect(listener.answer).rejects.toBeInstanceOf(LoopbackClosedError);
  });
});
