// How one FETCH response of header sync becomes a stored row (header-fields.ts): flags and
// keywords, addresses, threading ids, the date fallback and the attachment mark.
import type { FetchMessageObject } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { hasListedAttachments } from '../../electron/core/imap/body/structure';
import {
  headerQueryFor,
  parseReferences,
  toAddresses,
  toFlags,
  toGmailLabels,
  toHeaderRecord,
} from '../../electron/core/imap/sync/header-fields';

describe('header fields', () => {
  it('splits system flags from keywords and ignores unknown system flags', () => {
    expect(toFlags(new Set(['\\Seen', '\\Draft', '$Forwarded', 'Work', '\\Recent']))).toEqual({
      flags: { seen: true, flagged: false, answered: false, draft: true },
      keywords: ['$Forwarded', 'Work'],
    });
    expect(toFlags(undefined)).toEqual({
      flags: { seen: false, flagged: false, answered: false, draft: false },
      keywords: [],
    });
  });

  it('asks only Gmail for its labels, and keeps them sorted where the server sent them', () => {
    expect(headerQueryFor(new Map([['X-GM-EXT-1', true]])).labels).toBe(true);
    expect(headerQueryFor(new Map([['CONDSTORE', true]])).labels).toBeFalsy();
    expect(toGmailLabels(new Set(['Work', '\\Important', 'Abroad']))).toEqual(['Abroad', 'Work', '\\Important']);
    expect(toGmailLabels(new Set())).toEqual([]);
    expect(toGmailLabels(undefined)).toBeUndefined();
    const gmail = { uid: 7, seq: 1, labels: new Set(['Work']) } as unknown as FetchMessageObject;
    expect(toHeaderRecord(gmail, 'a:INBOX', () => false).gmailLabels).toEqual(['Work']);
    expect('gmailLabels' in toHeaderRecord({ uid: 7, seq: 1 } as FetchMessageObject, 'a:INBOX', () => false)).toBe(
      false,
    );
  });

  it('keeps addresses with a name or an address, never an empty group marker', () => {
    expect(
      toAddresses([{ name: 'Ann', address: 'ann@example.com' }, {}, { address: 'bo@example.com' }, { name: 'Team' }]),
    ).toEqual([
      { name: 'Ann', address: 'ann@example.com' },
      { name: '', address: 'bo@example.com' },
      { name: 'Team', address: '' },
    ]);
    expect(toAddresses(undefined)).toEqual([]);
  });

  it('reads folded References and nothing from an empty header block', () => {
    expect(parseReferences(Buffer.from('References: <a@x>\r\n <b@y>\r\n\t<c@z>\r\n\r\n'))).toEqual([
      '<a@x>',
      '<b@y>',
      '<c@z>',
    ]);
    expect(parseReferences(Buffer.from('\r\n'))).toEqual([]);
    expect(parseReferences(Buffer.from('References: <a@b>\r\n'))).toEqual(['<a@b>']);
    expect(parseReferences(undefined)).toEqual([]);
  });

  it('threads by the References root, else In-Reply-To, and falls back to the arrival date', () => {
    const base = {
      seq: 1,
      uid: 42,
      flags: new Set(['\\Flagged']),
      size: 1234,
      internalDate: new Date('2026-03-01T10:00:00Z'),
      envelope: {
        date: new Date('not a date'),
        subject: 'Re: plan',
        messageId: '<m3@x>',
        inReplyTo: 'comment <m2@x> trailing',
        from: [{ name: 'Ann', address: 'ann@example.com' }],
        to: [{ address: 'me@example.com' }],
      },
      bodyStructure: {
        type: 'multipart/mixed',
        childNodes: [
          { part: '1', type: 'text/plain', size: 10 },
          { part: '2', type: 'application/pdf', size: 99, disposition: 'attachment' },
        ],
      },
    } as unknown as FetchMessageObject;
    const withRefs = { ...base, headers: Buffer.from('References: <m1@x> <m2@x>\r\n\r\n') } as FetchMessageObject;
    expect(toHeaderRecord(withRefs, '7', hasListedAttachments)).toMatchObject({
      uid: 42,
      threadKey: '<m1@x>',
      inReplyTo: '<m2@x>',
      date: Date.parse('2026-03-01T10:00:00Z'),
      hasAttachments: true,
      flags: { flagged: true, seen: false },
      to: [{ name: '', address: 'me@example.com' }],
    });
    const noRefs = { ...base, headers: Buffer.from('\r\n') } as FetchMessageObject;
    expect(toHeaderRecord(noRefs, '7', hasListedAttachments).threadKey).toBe('<m2@x>');
    const alone = { ...noRefs, envelope: { ...base.envelope, inReplyTo: undefined } } as FetchMessageObject;
    expect(toHeaderRecord(alone, '7', hasListedAttachments)).toMatchObject({ threadKey: '<m3@x>', inReplyTo: null });
  });
});
