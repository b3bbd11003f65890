// The browser shell's ?mailto= address parameter.
import { describe, expect, it, vi } from 'vitest';
import { takeMailtoParam } from '../../renderer/app/mailto-param';

function host(search: string, hash = '') {
  return { location: { pathname: '/index.html', search, hash }, history: { state: null, replaceState: vi.fn() } };
}

describe('takeMailtoParam', () => {
  it('takes the link and removes it from the address, keeping the rest', () => {
    const h = host(`?x=1&mailto=${encodeURIComponent('mailto:a@x.se?subject=Hi')}`, '#token=t');
    expect(takeMailtoParam(h)).toBe('mailto:a@x.se?subject=Hi');
    expect(h.history.replaceState).toHaveBeenCalledWith(null, '', '/index.html?x=1#token=t');
  });

  it('reads a bare address as the link path', () => {
    expect(takeMailtoParam(host('?mailto=anna%40x.se'))).toBe('mailto:anna@x.se');
  });

  it('answers null and leaves the address alone without the parameter', () => {
    const h = host('?x=1');
    expect(takeMailtoParam(h)).toBeNull();
    expect(h.history.replaceState).not.toHaveBeenCalled();
  });
});
