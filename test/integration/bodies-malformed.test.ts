// Every message shows something: malformed and unusual shapes APPENDed to the real Dovecot,
// their BODYSTRUCTURE taken as header sync takes it, and fetchBody must give the text there
// is (one level down in a forwarded message, under a misspelled charset, in binary transfer
// encoding), or say plainly that there is none (`html` and `text` both null), never an empty
// string that would leave a blank pane.
import type { ImapFlow } from 'imapflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchBody } from '../../electron/core/imap/body/fetch-body';
import { planBody } from '../../electron/core/imap/body/structure';
import { connectImap } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { MALFORMED_SAMPLES, type MalformedSample } from '../mailserver/malformed-samples';

const MAILBOX = 'MalformedBodies';
const server = getMailServer();

let client: ImapFlow;
const uids = new Map<MalformedSample, number>();
const structures = new Map<number, unknown>();

beforeAll(async () => {
  client = await connectImap(server, 'carol');
  if ((await client.list()).some((box) => box.path === MAILBOX)) await client.mailboxDelete(MAILBOX);
  await client.mailboxCreate(MAILBOX);
  for (const [name, raw] of Object.entries(MALFORMED_SAMPLES)) {
    const result = await client.append(MAILBOX, raw, []);
    if (!result || !result.uid) throw new Error('APPEND gave no UID');
    uids.set(name as MalformedSample, result.uid);
  }
  await client.mailboxOpen(MAILBOX);
  for (const row of await client.fetchAll('1:*', { uid: true, bodyStructure: true }))
    structures.set(row.uid, JSON.parse(JSON.stringify(row.bodyStructure ?? null)));
});

afterAll(async () => {
  await client?.logout().catch(() => undefined);
});

const body = (name: MalformedSample) => {
  const uid = uids.get(name)!;
  return fetchBody(client, uid, structures.get(uid));
};

describe('every message shows something', () => {
  it('binary transfer encoding: the bytes are the text', async () => {
    expect((await body('binaryEncoding')).text).toBe('Binär överföring fungerar.\n');
  });

  it('a misspelled charset parameter (charest=): the UTF-8 text is still read as UTF-8', async () => {
    expect((await body('misspelledCharset')).text).toBe('Räksmörgås utan teckenuppsättning.\n');
  });

  it('an unparseable date does not keep the body from showing', async () => {
    expect((await body('badDate')).text).toBe('The date above is nonsense.\n');
  });

  it('a forwarded message and nothing else: the forwarded text is shown', async () => {
    expect(planBody(structures.get(uids.get('forwardOnly')!)).textPart).toBeNull();
    const result = await body('forwardOnly');
    expect(result.text).toContain('The text of the forwarded message.');
  });

  it('a forwarded message inside a multipart with no text of its own: the forwarded HTML is shown', async () => {
    const result = await body('forwardInMixed');
    expect(result.html ?? result.text).toContain('Forwarded HTML body');
  });

  it('no body at all: says so (both null), not an empty text', async () => {
    expect(await body('noBody')).toEqual({ html: null, text: null, truncated: false });
  });

  it('a multipart with no parts: says so (both null)', async () => {
    expect(await body('emptyMultipart')).toEqual({ html: null, text: null, truncated: false });
  });

  it('only an attachment: no text (both null), the attachment is listed', async () => {
    const uid = uids.get('attachmentOnly')!;
    expect(planBody(structures.get(uid)).attachments.map((a) => a.filename)).toEqual(['data.bin']);
    expect(await body('attachmentOnly')).toEqual({ html: null, text: null, truncated: false });
  });
});
