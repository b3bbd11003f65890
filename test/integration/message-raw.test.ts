// "Save as .eml" and "View source" against the real Dovecot: the saved file is the message byte
// for byte as the server keeps it (8-bit bytes and all), named after its subject, and the source
// view holds every header the server has.
import { describe, expect, it } from 'vitest';
import { getMailServer } from '../mailserver/inject';
import { addAccount, allHeaders, mailboxByRole, otherDevice, startCore } from '../support/core-harness';
import { createMailUser } from '../support/mail-users';
import { cleanupAfterEach } from '../support/cleanup';
import { waitFor } from '../support/wait';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const latin1Raw = Buffer.concat([
  Buffer.from(
    'From: Sender <sender@example.test>\r\nTo: me@example.test\r\nSubject: Report: Q1/Q2\r\n' +
      'Date: Tue, 03 Mar 2026 10:00:00 +0000\r\nMessage-ID: <report@example.test>\r\nX-Custom: kept\r\n' +
      'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\nContent-Transfer-Encoding: 8bit\r\n\r\n',
  ),
  Buffer.from([0x52, 0xe4, 0x6b, 0x73, 0x6d, 0xf6, 0x72, 0x67, 0xe5, 0x73, 0x0d, 0x0a]),
]);

describe('the raw message', () => {
  it('is saved byte for byte under its subject, and its source shows every header', async () => {
    const user = await createMailUser(server, 'rawsave');
    const device = await otherDevice(server, user);
    cleanup.push(() => device.logout());
    await device.append('INBOX', latin1Raw);
    const core = await startCore(server);
    cleanup.push(() => core.close(true));
    const account = await addAccount(core, server, user);
    const inbox = await mailboxByRole(core, account.id, 'inbox');
    const [header] = await waitFor(async () => {
      const all = await allHeaders(core, inbox.id);
      return all.length === 1 ? all : undefined;
    });

    const saved = await core.service.call('message.raw', { id: header!.id });
    expect(saved.filename).toBe('Report Q1 Q2.eml');
    expect(Buffer.from(saved.dataBase64, 'base64').equals(latin1Raw)).toBe(true);

    const source = await core.service.call('message.source', { id: header!.id });
    expect(source.truncated).toBe(false);
    expect(source.source).toContain('X-Custom: kept\r\n');
    // Not UTF-8: each byte becomes its Latin-1 character, nothing is lost.
    expect(source.source).toContain('Räksmörgås');

    // The engine has no save dialog: the desktop shell answers this one itself.
    expect(await core.service.call('message.saveEml', { id: header!.id })).toEqual({ outcome: 'unsupported' });
  });
});
