import { describe, expect, it } from 'vitest';
import { parseListUnsubscribe } from '../../electron/core/sender/list-unsubscribe';

describe('parseListUnsubscribe', () => {
  it.each([
    [
      '<mailto:leave@lists.test?subject=unsubscribe%20me>, <https://lists.test/u/123>',
      'List-Unsubscribe=One-Click',
      {
        https: 'https://lists.test/u/123',
        mailto: { to: 'leave@lists.test', subject: 'unsubscribe me', body: '' },
        oneClick: true,
      },
    ],
    ['<https://lists.test/u/1>', undefined, { https: 'https://lists.test/u/1', mailto: null, oneClick: false }],
    [
      '<mailto:leave@lists.test>',
      'List-Unsubscribe=One-Click',
      { https: null, mailto: { to: 'leave@lists.test', subject: 'unsubscribe', body: '' }, oneClick: false },
    ],
    // http is never used (the request could be read on the way); folded white space inside <> is dropped
    [
      '<http://lists.test/u/1>, <https://lists.test/\r\n u/2>',
      undefined,
      { https: 'https://lists.test/u/2', mailto: null, oneClick: false },
    ],
  ] as const)('%j', (header, post, expected) => {
    expect(parseListUnsubscribe(header, post)).toEqual(expected);
  });

  it.each([
    [undefined],
    [''],
    ['<http://lists.test/u>'],
    ['<javascript:alert(1)>'],
    ['<mailto:not an address>'],
    ['https://no-brackets.test'],
  ])('offers nothing for %j', (header) => {
    expect(parseListUnsubscribe(header, 'List-Unsubscribe=One-Click')).toBeNull();
  });
});

describe('the tests’ loopback list server', () => {
  it('is taken over http only when the test override says so', () => {
    expect(parseListUnsubscribe('<http://127.0.0.1:8080/u>', undefined)).toBeNull();
    expect(parseListUnsubscribe('<http://127.0.0.1:8080/u>', undefined, { loopbackHttpForTests: true })?.https).toBe(
      'http://127.0.0.1:8080/u',
    );
    expect(parseListUnsubscribe('<http://10.0.0.1/u>', undefined, { loopbackHttpForTests: true })).toBeNull();
  });
});
