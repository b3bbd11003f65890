// The attribution line, the forwarded-headers block and quoting in replies and forwards.
import { describe, expect, it } from 'vitest';
import { plainToHtml } from '../../electron/core/smtp/html-text';
import { attributionLine, forwardedHeaderLines, quoteHtml, quotePlain } from '../../electron/core/smtp/quote';
import { expectLinear } from '../support/linear-time';

// 3 March 2026, 10:00 in Stockholm (UTC+1 in winter).
const when = Date.UTC(2026, 2, 3, 9, 0);

const anna = { name: 'Anna', address: 'anna@x.se' };

describe('attribution lines', () => {
  it('English', () => {
    expect(attributionLine(anna, when, { locale: 'en-GB', timeZone: 'Europe/Stockholm' })).toBe(
      'On 3 Mar 2026, at 10:00, Anna wrote:',
    );
    expect(attributionLine(anna, when, { locale: 'en-US', timeZone: 'Europe/Stockholm' })).toBe(
      'On Mar 3, 2026, at 10:00 AM, Anna wrote:',
    );
  });

  it('Swedish', () => {
    expect(attributionLine(anna, when, { locale: 'sv', timeZone: 'Europe/Stockholm' })).toBe(
      'Den 3 mars 2026 skrev Anna:',
    );
    expect(attributionLine(anna, when, { locale: 'sv-SE', timeZone: 'Europe/Stockholm' })).toBe(
      'Den 3 mars 2026 skrev Anna:',
    );
  });

  it('German and French', () => {
    expect(attributionLine(anna, when, { locale: 'de', timeZone: 'Europe/Stockholm' })).toBe(
      'Am 3. März 2026 um 10:00 schrieb Anna:',
    );
    expect(attributionLine(anna, when, { locale: 'fr', timeZone: 'Europe/Stockholm' })).toBe(
      'Le 3 mars 2026 à 10:00, Anna a écrit :',
    );
  });

  it('uses the address without a name, English for languages without lines, the system zone for an unknown one', () => {
    expect(attributionLine({ name: '', address: 'anna@x.se' }, when, { locale: 'en-GB', timeZone: 'UTC' })).toBe(
      'On 3 Mar 2026, at 09:00, anna@x.se wrote:',
    );
    expect(attributionLine(anna, when, { locale: 'ja', timeZone: 'UTC' })).toBe(
      'On Mar 3, 2026, at 09:00 AM, Anna wrote:',
    );
    expect(() => attributionLine(anna, when, { locale: 'en', timeZone: 'Not/AZone' })).not.toThrow();
  });
});

describe('forwarded headers', () => {
  it('lists the original headers in the composer language', () => {
    const lines = forwardedHeaderLines(
      { subject: 'Plan', date: when, from: [anna], to: [{ name: 'Doe, J', address: 'j@z.se' }], cc: [] },
      { locale: 'sv', timeZone: 'Europe/Stockholm' },
    );
    expect(lines[0]).toBe('-------- Vidarebefordrat meddelande --------');
    expect(lines).toContain('Ämne: Plan');
    expect(lines).toContain('Från: Anna <anna@x.se>');
    expect(lines).toContain('Till: "Doe, J" <j@z.se>');
    expect(lines.find((l) => l.startsWith('Datum:'))).toMatch(/3 mars 2026/);
    expect(lines.some((l) => l.startsWith('Kopia:'))).toBe(false);
  });
});

describe('quoting', () => {
  it('prefixes every line and deepens existing quotes', () => {
    expect(quotePlain('one\r\ntwo\n\n> earlier\n')).toBe('> one\n> two\n>\n>> earlier');
  });

  it('quotes as escaped text in HTML, never the original markup', () => {
    expect(quoteHtml('<b>hi</b>\nthere')).toBe('<blockquote type="cite">&lt;b&gt;hi&lt;/b&gt;<br>\nthere</blockquote>');
    expect(plainToHtml('a & b')).toBe('a &amp; b');
  });
});

describe('quoting a hostile original stays linear', () => {
  it('a long run of newlines inside the text', () => {
    const text = `${'\n'.repeat(100_000)}x`;
    expectLinear(
      () => quotePlain(text),
      () => quotePlain('y'.repeat(text.length)),
    );
    expectLinear(
      () => quoteHtml(text),
      () => quoteHtml('y'.repeat(text.length)),
    );
    expect(quotePlain('a\n\nb\n\n\n')).toBe('> a\n>\n> b');
  });
});
