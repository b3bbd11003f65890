import { describe, expect, it } from 'vitest';
import {
  isAddressEntry,
  joinRecipients,
  splitRecipients,
  suggestionEntry,
} from '../../renderer/composer/recipient-entries';

describe('recipient entries', () => {
  it('splits a pasted list at commas, semicolons, line breaks and between bare addresses', () => {
    expect(splitRecipients('a@x.se, "Berg, Anna" <anna@x.se>;b@y.com\nc@z.org')).toEqual([
      'a@x.se',
      '"Berg, Anna" <anna@x.se>',
      'b@y.com',
      'c@z.org',
    ]);
    expect(splitRecipients('one@x.se two@x.se\tthree@x.se')).toEqual(['one@x.se', 'two@x.se', 'three@x.se']);
    // A name typed without quotes stays with its address.
    expect(splitRecipients('Doe, John <j@x.se>, k@x.se')).toEqual(['Doe, John <j@x.se>', 'k@x.se']);
    expect(splitRecipients(' , ;\n')).toEqual([]);
  });

  it('marks entries that are not addresses', () => {
    for (const ok of ['a@x.se', 'Anna <anna@x.se>', '"Berg, Anna" <anna@x.se>', 'j@bücher.de'])
      expect(isAddressEntry(ok), ok).toBe(true);
    for (const bad of ['anna', 'anna@', '@x.se', 'Anna <anna>', 'a@b@c.se'])
      expect(isAddressEntry(bad), bad).toBe(false);
  });

  it('joins chips and what is being typed into the field the draft keeps, and back', () => {
    const text = joinRecipients(['"Berg, Anna" <anna@x.se>', 'b@y.com'], ' c@z ');
    expect(text).toBe('"Berg, Anna" <anna@x.se>, b@y.com, c@z');
    expect(splitRecipients(text)).toEqual(['"Berg, Anna" <anna@x.se>', 'b@y.com', 'c@z']);
    expect(joinRecipients([], '')).toBe('');
    expect(suggestionEntry({ name: 'Berg, Anna', address: 'anna@x.se' })).toBe('"Berg, Anna" <anna@x.se>');
  });
});
