// The menu on a link in a message: which items a link gets, what each one hands on, and the
// address a mailto: link writes to (what "Copy email address" copies).
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { linkMenu, mailtoAddress } from '../../renderer/message-view/link-menu';

// the key and its values, so a test sees which string and which address each item asked for
const t = ((key: string, values?: Record<string, unknown>) =>
  values ? `${key} ${JSON.stringify(values)}` : key) as unknown as TFunction;

function recorder() {
  const calls: string[] = [];
  return {
    calls,
    actions: {
      open: (href: string, text: string) => calls.push(`open ${href} ${text}`),
      copy: (text: string) => calls.push(`copy ${text}`),
      writeTo: (mailto: string) => calls.push(`write ${mailto}`),
    },
  };
}

describe('mailtoAddress', () => {
  it('gives the addresses of a mailto: link without its query', () => {
    expect(mailtoAddress('mailto:anna@partner.example?subject=Hi')).toBe('anna@partner.example');
    expect(mailtoAddress('MAILTO:anna@x.example,bo@x.example')).toBe('anna@x.example, bo@x.example');
  });

  it('has none for a web link or a mailto: link without an address', () => {
    expect(mailtoAddress('https://example.test/mailto:anna@x.example')).toBeNull();
    expect(mailtoAddress('mailto:?subject=Hi')).toBeNull();
  });
});

describe('linkMenu', () => {
  it('offers a web link opening and copying, and runs them on its address and text', () => {
    const { calls, actions } = recorder();
    const menu = linkMenu({ href: 'https://example.test/a', text: 'the guide' }, { x: 3, y: 4 }, actions, t);
    expect(menu.label).toBe('linkMenu.label {"link":"https://example.test/a"}');
    expect([menu.x, menu.y]).toEqual([3, 4]);
    expect(menu.items.map((item) => item.id)).toEqual(['open-link', 'copy-link']);
    for (const item of menu.items) item.run();
    expect(calls).toEqual(['open https://example.test/a the guide', 'copy https://example.test/a']);
  });

  it('adds copying the address and writing to it for a mailto: link', () => {
    const { calls, actions } = recorder();
    const href = 'mailto:anna@partner.example?subject=Guide';
    const menu = linkMenu({ href, text: 'Anna' }, { x: 0, y: 0 }, actions, t);
    expect(menu.label).toBe('linkMenu.label {"link":"anna@partner.example"}');
    expect(menu.items.map((item) => item.id)).toEqual(['open-link', 'copy-link', 'copy-email', 'write-to']);
    expect(menu.items[3]?.label).toBe('linkMenu.writeTo {"address":"anna@partner.example"}');
    for (const item of menu.items.slice(2)) item.run();
    expect(calls).toEqual(['copy anna@partner.example', `write ${href}`]);
  });
});
