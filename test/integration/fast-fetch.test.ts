// A header FETCH read by the engine's own line reader (sync/fast-fetch.ts, fetch-line.ts) gives
// exactly what imapflow's parser gives, on the real server's answers: every sample kind of
// message, the malformed ones, and headers chosen to make the server send escapes, literals,
// raw UTF-8, groups and a structure too deep for the reader (which imapflow then reads). Run on
// Dovecot and, in the server matrix, on Courier, whose answers are shaped differently.
import { ImapFlow, type FetchMessageObject, type FlagsEvent } from 'imapflow';
import { describe, expect, it } from 'vitest';
import { hasListedAttachments } from '../../electron/core/imap/body/structure';
import { fetchFlagMessages, fetchHeaderMessages, readSelectFlagLines } from '../../electron/core/imap/sync/fast-fetch';
import { HEADER_QUERY, toHeaderRecord } from '../../electron/core/imap/sync/header-fields';
import { connectImap, imapOptions } from '../mailserver/imap-helpers';
import { getMailServer } from '../mailserver/inject';
import { MALFORMED_SAMPLES } from '../mailserver/malformed-samples';
import { buildMessage, SAMPLE_KINDS } from '../mailserver/message-samples';
import { cleanupAfterEach } from '../support/cleanup';
import { createMailUser } from '../support/mail-users';

const server = getMailServer();
const cleanup = cleanupAfterEach();

const crlf = (text: string) => Buffer.from(text.replace(/\r?\n/g, '\r\n'));

/** Nested multiparts, `depth` deep, around one text part. */
function deeplyNested(depth: number): Buffer {
  let body = 'Content-Type: text/plain\n\ndeep down\n';
  for (let i = depth; i > 0; i--)
    body = `Content-Type: multipart/mixed; boundary="d${i}"\n\n--d${i}\n${body}\n--d${i}--\n`;
  return crlf(`From: Deep <deep@example.test>\nTo: carol@example.test\nSubject: deep\nMIME-Version: 1.0\n${body}`);
}

const UNUSUAL = [
  crlf(
    'From: "Ann \\"The\\" Smith" <ann@example.test>\nTo: undisclosed-recipients:;\nSubject: a "quoted" back\\slash\nMessage-ID: <q1@example.test>\n\nbody\n',
  ),
  Buffer.concat([
    crlf('From: Zoë <zoe@example.test>\nTo: Åsa <asa@example.test>, Team: a@example.test, b@example.test;\n'),
    Buffer.from('Subject: Räksmörgås utan kodning\r\n'),
    crlf(
      'References: <r1@example.test>\n <r2@example.test>\n <r3@example.test>\nIn-Reply-To: <r3@example.test>\nContent-Type: text/plain; charset=utf-8\n\nhej\n',
    ),
  ]),
  crlf(
    `From: Long <long@example.test>\nSubject: ${'a very long subject '.repeat(30)}\nContent-Type: multipart/mixed; boundary="p"\n\n--p\nContent-Type: application/pdf; name*0*=utf-8''%C3%A5r; name*1=".pdf"\nContent-Disposition: attachment; filename*=utf-8''%C3%A5r.pdf\nContent-Transfer-Encoding: base64\n\nAAEC\n--p--\n`,
  ),
  deeplyNested(70),
];

/** A new user's INBOX filled with every kind of message, opened on a connection of its own. */
async function filledInbox(name: string, readOnly: boolean): Promise<{ client: ImapFlow; count: number }> {
  const user = await createMailUser(server, name);
  const client = await connectImap(server, user);
  cleanup.push(() => client.logout());
  const count = await fill(client);
  await client.mailboxOpen('INBOX', { readOnly });
  return { client, count };
}

async function fill(client: ImapFlow): Promise<number> {
  const messages: Buffer[] = [];
  for (const kind of SAMPLE_KINDS) for (let i = 0; i < 3; i++) messages.push(buildMessage(kind, i).raw);
  messages.push(...Object.values(MALFORMED_SAMPLES), ...UNUSUAL);
  for (const [i, raw] of messages.entries())
    await client.append('INBOX', raw, i % 3 ? ['\\Seen', '$Forwarded'] : ['\\Flagged', 'custom-keyword']);
  return messages.length;
}

const withoutId = ({ id: _id, ...rest }: FetchMessageObject) => rest;

describe('a header FETCH read by the engine', () => {
  it('gives the messages and rows imapflow gives, reading nearly every line itself', async () => {
    const { client, count } = await filledInbox('fast-fetch', true);

    const theirs = new Map<number, FetchMessageObject>();
    for await (const message of client.fetch('1:*', HEADER_QUERY, { uid: true })) theirs.set(message.uid, message);
    const stateTheirs = { uidNext: client.mailbox && client.mailbox.uidNext };

    const mine = new Map<number, FetchMessageObject>();
    const { readHere } = await fetchHeaderMessages(client, '1:*', HEADER_QUERY, { uid: true }, (message) => {
      expect(mine.has(message.uid)).toBe(false);
      mine.set(message.uid, message);
    });

    expect(theirs.size).toBe(count);
    expect([...mine.keys()].sort((a, b) => a - b)).toEqual([...theirs.keys()].sort((a, b) => a - b));
    for (const [uid, message] of theirs) {
      expect(withoutId(mine.get(uid)!), `UID ${uid}`).toEqual(withoutId(message));
      expect(toHeaderRecord(mine.get(uid)!, '1', hasListedAttachments)).toEqual(
        toHeaderRecord(message, '1', hasListedAttachments),
      );
    }
    expect({ uidNext: client.mailbox && client.mailbox.uidNext }).toEqual(stateTheirs);
    // the structure nested deeper than the reader goes came through imapflow; the rest did not
    expect(readHere).toBe(count - 1);
  });

  it('ends the FETCH with the caller’s first error and leaves the connection usable', async () => {
    const { client, count } = await filledInbox('fast-fetch-failing', true);

    let given = 0;
    const failing = fetchHeaderMessages(client, '1:*', HEADER_QUERY, { uid: true }, () => {
      if (++given === 3) throw new Error('the store is full');
    });
    // the rest of the answers are dropped, but the tagged OK still reaches imapflow
    await expect(failing).rejects.toThrow('the store is full');
    expect(given).toBe(3);
    const again: number[] = [];
    await fetchHeaderMessages(client, '1:*', HEADER_QUERY, { uid: true }, (message) => {
      again.push(message.uid);
    });
    expect(again).toHaveLength(count);
  });

  it('leaves other commands’ FETCH answers on the same connection to imapflow', async () => {
    const { client, count } = await filledInbox('fast-fetch-other', false);

    // a flag change queued behind the header FETCH: its answers are not headers
    const seen: number[] = [];
    const header = fetchHeaderMessages(client, '1:*', HEADER_QUERY, { uid: true }, (message) => {
      seen.push(message.uid);
    });
    const flagged = client.messageFlagsAdd('1:*', ['\\Answered'], { uid: true });
    const other: FetchMessageObject[] = [];
    for await (const message of client.fetch('1:*', { uid: true, flags: true, envelope: true, bodyStructure: true }))
      other.push(message);
    await Promise.all([header, flagged]);
    expect(seen).toHaveLength(count);
    // the other FETCH, with the same items but not ours, got every message from imapflow
    expect(other).toHaveLength(count);
    expect(other.every((m) => m.flags?.has('\\Answered'))).toBe(true);
  });
});

describe('a QRESYNC SELECT’s flag changes read by the engine', () => {
  it('are the flags events imapflow gives, every one read by the engine’s reader', async () => {
    const user = await createMailUser(server, 'fast-fetch-select');
    const other = await connectImap(server, user);
    cleanup.push(() => other.logout());
    const count = await fill(other);
    const before = await other.mailboxOpen('INBOX');
    const since = { uidValidity: before.uidValidity, changedSince: before.highestModseq ?? 1n };
    // changed elsewhere: flags and keywords set and cleared, so the lines carry every shape of list
    await other.messageFlagsAdd('1:6', ['\\Flagged', '$Label1'], { uid: true });
    await other.messageFlagsRemove('2,4', ['\\Seen', '$Forwarded'], { uid: true });
    await other.messageFlagsSet('7', [], { uid: true });

    /** The 'flags' events of a fresh QRESYNC connection's SELECT, and the lines read by the hook. */
    const selectOnce = async (hooked: boolean) => {
      const client = new ImapFlow({ ...imapOptions(server, user), qresync: true });
      client.on('error', () => undefined);
      await client.connect();
      cleanup.push(() => client.logout());
      const events: FlagsEvent[] = [];
      client.on('flags', (event: FlagsEvent) => events.push(event));
      const stop = hooked ? readSelectFlagLines(client, 'INBOX') : () => 0;
      const box = await client.mailboxOpen('INBOX', client.enabled.has('QRESYNC') ? since : {});
      const lines = stop();
      return { events, lines, box, qresync: client.enabled.has('QRESYNC') };
    };
    const theirs = await selectOnce(false);
    const mine = await selectOnce(true);

    expect(mine.events).toEqual(theirs.events);
    expect(mine.box.highestModseq).toBe(theirs.box.highestModseq);
    expect(mine.box.uidNext).toBe(theirs.box.uidNext);
    if (theirs.qresync) {
      expect(theirs.events.map((e) => e.uid).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(mine.lines).toBe(7);
    } else {
      // Courier: no QRESYNC, no flag lines in the SELECT, the hook reads nothing
      expect(theirs.events).toEqual([]);
      expect(mine.lines).toBe(0);
    }
    expect(count).toBeGreaterThan(7);
  });
});

describe('a FETCH of flags read by the engine', () => {
  it('gives the messages imapflow gives, every line read by the engine’s reader', async () => {
    const { client, count } = await filledInbox('fast-fetch-flags', false);
    const condstore = client.capabilities.has('CONDSTORE');
    const before = client.mailbox && client.mailbox.highestModseq;
    await client.messageFlagsAdd('2:5', ['\\Flagged', '$Label1'], { uid: true });
    await client.messageFlagsRemove('3', ['\\Seen'], { uid: true });

    const both = async (options: { uid: true; changedSince?: bigint }) => {
      const query = { uid: true, flags: true };
      const theirs: FetchMessageObject[] = [];
      for await (const message of client.fetch('1:*', query, options)) theirs.push(message);
      const mine: FetchMessageObject[] = [];
      const { readHere } = await fetchFlagMessages(client, '1:*', query, options, (message) => {
        mine.push(message);
      });
      expect(mine.map(withoutId)).toEqual(theirs.map(withoutId));
      return { theirs, readHere };
    };
    const all = await both({ uid: true });
    expect(all.theirs).toHaveLength(count);
    expect(all.readHere).toBe(count);
    if (condstore && before) {
      // CHANGEDSINCE: only the four changed come back, each line with its MODSEQ
      const changed = await both({ uid: true, changedSince: before });
      expect(changed.theirs.map((m) => m.uid)).toEqual([2, 3, 4, 5]);
      expect(changed.theirs.every((m) => typeof m.modseq === 'bigint')).toBe(true);
      expect(changed.readHere).toBe(4);
    }
  });
});
