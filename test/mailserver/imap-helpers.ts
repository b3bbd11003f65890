import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import { resolveUser } from './doveadm';
import { sleep } from './processes';
import type { MailServerInfo, MailUser } from './types';

type Server = Pick<MailServerInfo, 'host' | 'ports' | 'caPem' | 'users' | 'sink'>;

/**
 * imapflow options for a test user: the run's CA as the only extra trust
 * anchor (never rejectUnauthorized: false), implicit TLS by default, or
 * STARTTLS required on the 143-style port.
 */
export function imapOptions(
  server: Server,
  user: string | MailUser,
  opts: { port?: 'imaps' | 'imap'; password?: string } = {},
): ImapFlowOptions {
  const u = resolveUser(server, user);
  const starttls = opts.port === 'imap';
  return {
    host: server.host,
    port: starttls ? server.ports.imap : server.ports.imaps,
    secure: !starttls,
    doSTARTTLS: starttls ? true : undefined,
    auth: { user: u.address, pass: opts.password ?? u.password },
    tls: { ca: [server.caPem] },
    logger: false,
  };
}

export async function connectImap(
  server: Server,
  user: string | MailUser,
  opts: { port?: 'imaps' | 'imap'; password?: string } = {},
): Promise<ImapFlow> {
  const client = new ImapFlow(imapOptions(server, user, opts));
  // A connection that dies later must not crash the test process.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Runs `fn` with a logged-in client and always logs out. */
export async function withImap<T>(
  server: Server,
  user: string | MailUser,
  fn: (c: ImapFlow) => Promise<T>,
): Promise<T> {
  const client = await connectImap(server, user);
  try {
    return await fn(client);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** APPENDs a raw message; returns its UID (Dovecot has UIDPLUS). */
export async function appendMessage(
  server: Server,
  user: string | MailUser,
  raw: Buffer | string,
  mailbox = 'INBOX',
  flags: string[] = [],
  date?: Date,
): Promise<{ uid: number; uidValidity: bigint }> {
  return withImap(server, user, async (c) => {
    const res = await c.append(mailbox, raw, flags, date);
    if (!res || res.uid === undefined || res.uidValidity === undefined)
      throw new Error(`APPEND to ${mailbox} gave no UID`);
    return { uid: res.uid, uidValidity: res.uidValidity };
  });
}

/** STATUS of a mailbox. */
export async function mailboxStatus(
  server: Server,
  user: string | MailUser,
  mailbox = 'INBOX',
): Promise<{ messages: number; unseen: number; uidNext: number; uidValidity: bigint }> {
  return withImap(server, user, async (c) => {
    const s = await c.status(mailbox, { messages: true, unseen: true, uidNext: true, uidValidity: true });
    if (!s) throw new Error(`STATUS ${mailbox} failed`);
    return {
      messages: s.messages ?? 0,
      unseen: s.unseen ?? 0,
      uidNext: s.uidNext ?? 0,
      uidValidity: s.uidValidity ?? 0n,
    };
  });
}

/**
 * Polls a mailbox until a message with this Message-ID (or subject, or
 * text anywhere in it) is there, e.g. after sending through Postfix.
 * Returns its UID.
 */
export async function waitForMessage(
  server: Server,
  user: string | MailUser,
  match: { messageId?: string; subject?: string; text?: string },
  opts: { mailbox?: string; timeoutMs?: number } = {},
): Promise<number> {
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  const query = match.messageId
    ? { header: { 'message-id': match.messageId } }
    : match.subject !== undefined
      ? { subject: match.subject }
      : { text: match.text ?? '' };
  return withImap(server, user, async (c) => {
    for (;;) {
      const lock = await c.getMailboxLock(opts.mailbox ?? 'INBOX');
      try {
        const uids = await c.search(query, { uid: true });
        if (uids && uids.length > 0) return uids[0]!;
      } finally {
        lock.release();
      }
      if (Date.now() >= deadline) {
        throw new Error(
          `no message ${JSON.stringify(match)} in ${opts.mailbox ?? 'INBOX'} after ${opts.timeoutMs ?? 10_000} ms`,
        );
      }
      await sleep(100);
    }
  });
}

/**
 * The raw source of the first message with this subject, once it is there: what a test reads
 * back to check what the app sent, over a connection of its own rather than through the app.
 */
export async function waitForSource(
  server: Server,
  user: string | MailUser,
  subject: string,
  mailbox = 'INBOX',
): Promise<Buffer> {
  const uid = await waitForMessage(server, user, { subject }, { mailbox, timeoutMs: 30_000 });
  return withImap(server, user, async (client) => {
    const lock = await client.getMailboxLock(mailbox);
    try {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (!message || !message.source) throw new Error(`no source for ${subject}`);
      return message.source;
    } finally {
      lock.release();
    }
  });
}
