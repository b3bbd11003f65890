import { describe, expect, it } from 'vitest';
import { formatVcards, parseVcards } from '../../electron/core/contacts/vcard';

describe('vCard files', () => {
  it('round-trips names with commas, semicolons, accents and long lines', () => {
    const contacts = [
      { name: 'Berg, Anna; Jr.', address: 'anna@example.com' },
      { name: 'Åsa Öberg', address: 'asa@exempel.se' },
      { name: `${'Very long name '.repeat(8)}end`, address: 'long@example.com' },
      { name: 'Emoji 😀 Person', address: 'e@example.com' },
    ];
    const text = formatVcards(contacts);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(parseVcards(text)).toEqual({ contacts, skipped: 0 });
  });

  it('reads 3.0 and 2.1 cards as address books write them: N without FN, groups, params, quoted-printable', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'N:Berg;Anna;;;',
      'item1.EMAIL;type=INTERNET;type=pref:anna@example.com',
      'EMAIL;TYPE=work:anna.berg@work.example',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:2.1',
      'FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=C3=85sa =C3=96b=',
      'erg',
      'EMAIL;INTERNET:asa@exempel.se',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:No Mail',
      'TEL:+46 8 123',
      'END:VCARD',
      'BEGIN:VCARD',
      'FN:Fol',
      ' ded',
      'EMAIL:folded@example.com',
      'END:VCARD',
    ].join('\r\n');
    expect(parseVcards(text)).toEqual({
      contacts: [
        { name: 'Anna Berg', address: 'anna@example.com' },
        { name: 'Anna Berg', address: 'anna.berg@work.example' },
        { name: 'Åsa Öberg', address: 'asa@exempel.se' },
        { name: 'Folded', address: 'folded@example.com' },
      ],
      skipped: 1,
    });
  });
});
