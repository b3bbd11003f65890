// fetchPart (an attachment or inline part) against a fake client that answers like imapflow
// does with Dovecot: which section is asked for, and what a missing message or part gives.
import { describe, expect, it } from 'vitest';
import { MessageNotFoundError, PartNotFoundError } from '../../electron/core/imap/body/errors';
import { fetchPart } from '../../electron/core/imap/body/fetch-part';
import { fakeClient } from '../support/fake-imap-fetch';

describe('fetchPart', () => {
  const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0d, 0x0a, 0x80]);

  it('decodes by the Content-Transfer-Encoding of the part MIME header, byte-exact, in one fetch', async () => {
    const client = fakeClient({
      5: {
        sections: {
          '2.mime': Buffer.from('Content-Type: application/pdf\r\nContent-Transfer-Encoding: Base64 (comment)\r\n\r\n'),
          '2': Buffer.from(pdf.toString('base64').replace(/(.{4})/g, '$1\r\n')),
        },
      },
    });
    expect((await fetchPart(client, 5, '2')).equals(pdf)).toBe(true);
    expect(client.calls).toHaveLength(1);
    expect(client.calls[0]!.query.bodyParts).toEqual(['2.MIME', '2']);
  });

  it('folded MIME headers and quoted-printable parts', async () => {
    const client = fakeClient({
      5: {
        sections: {
          '1.2.mime': Buffer.from(
            'Content-Type: text/plain\r\nContent-Transfer-Encoding:\r\n quoted-printable\r\n\r\n',
          ),
          '1.2': Buffer.from('caf=C3=A9'),
        },
      },
    });
    expect((await fetchPart(client, 5, '1.2')).toString()).toBe('café');
  });

  it('part 1 of a single-part message uses the message header', async () => {
    const client = fakeClient({
      6: {
        sections: {
          header: Buffer.from(
            'Subject: x\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n',
          ),
          '1': Buffer.from(pdf.toString('base64')),
        },
      },
    });
    expect((await fetchPart(client, 6, '1')).equals(pdf)).toBe(true);
  });

  it('part 1 answered empty on a single-part message is fetched again as TEXT', async () => {
    const client = fakeClient({
      6: {
        sections: {
          header: Buffer.from('Content-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n'),
          text: Buffer.from(pdf.toString('base64')),
        },
      },
    });
    expect((await fetchPart(client, 6, '1')).equals(pdf)).toBe(true);
    expect(client.calls.map((c) => c.query.bodyParts)).toEqual([['1.MIME', '1', 'HEADER'], ['TEXT']]);
  });

  it('a part that does not exist, a bad part name, a vanished message', async () => {
    const client = fakeClient({ 5: { sections: {} } });
    await expect(fetchPart(client, 5, '9')).rejects.toBeInstanceOf(PartNotFoundError);
    await expect(fetchPart(client, 5, '1.MIME')).rejects.toBeInstanceOf(PartNotFoundError);
    await expect(fetchPart(client, 8, '2')).rejects.toBeInstanceOf(MessageNotFoundError);
  });
});
