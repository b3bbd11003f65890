// The notification decision: first sync, already read, grouping, accounts turned off, privacy.
import { describe, expect, it } from 'vitest';
import type { Mailbox, MessageHeader } from '../../shared/domain';
import { DEFAULT_NEW_MAIL_PREFS, mayNotify, newMailNotice, type NewMailPrefs } from '../../shared/new-mail';

const prefs = (changes: Partial<NewMailPrefs> = {}): NewMailPrefs => ({ ...DEFAULT_NEW_MAIL_PREFS, ...changes });

function mailbox(
  id: number,
  role: Mailbox['role'],
  path = role === 'inbox' ? 'INBOX' : 'Lists',
  accountId = 'a1',
): Mailbox {
  return {
    id,
    accountId,
    path,
    name: path,
    parentPath: null,
    delimiter: '/',
    role,
    subscribed: true,
    selectable: true,
    unread: 0,
    total: 0,
  } as Mailbox;
}

let nextId = 1;
function header(from: string, subject: string, options: { seen?: boolean; date?: number; accountId?: string } = {}) {
  const id = nextId++;
  return {
    id,
    mailboxId: 1,
    accountId: options.accountId ?? 'a1',
    uid: id,
    messageId: null,
    subject,
    from: [{ name: from.includes('@') ? '' : from, address: from.includes('@') ? from : `${from.toLowerCase()}@x.se` }],
    to: [],
    cc: [],
    date: options.date ?? id * 1000,
    size: 100,
    flags: { seen: options.seen ?? false, flagged: false, answered: false, draft: false },
    hasAttachments: false,
    snippet: null,
    threadKey: String(id),
  } as MessageHeader;
}

const change = (mailboxId: number, extra: { firstSync?: boolean } = {}) => ({
  mailboxId,
  added: [1, 2] as never[],
  removed: [],
  updated: [],
  ...extra,
});

describe('mayNotify', () => {
  const inbox = mailbox(1, 'inbox');
  const lists = mailbox(2, null);

  it('takes mail added to an Inbox after its first sync', () => {
    expect(mayNotify(change(1), inbox, prefs())).toBe(true);
  });

  it('ignores everything the first sync of a folder adds', () => {
    expect(mayNotify(change(1, { firstSync: true }), inbox, prefs())).toBe(false);
  });

  it('ignores other folders unless the user picked them', () => {
    expect(mayNotify(change(2), lists, prefs())).toBe(false);
    expect(mayNotify(change(2), lists, prefs({ extraFolders: [2 as never] }))).toBe(true);
  });

  it('knows an Inbox the server gave no role by its reserved name', () => {
    expect(mayNotify(change(3), mailbox(3, null, 'inbox'), prefs())).toBe(true);
  });

  it('stays quiet for an account turned off, with notifications off, or for an unknown folder', () => {
    expect(mayNotify(change(1), inbox, prefs({ mutedAccounts: ['a1'] }))).toBe(false);
    expect(mayNotify(change(1), inbox, prefs({ enabled: false }))).toBe(false);
    expect(mayNotify(change(1), undefined, prefs())).toBe(false);
    expect(mayNotify({ ...change(1), added: [] }, inbox, prefs())).toBe(false);
  });
});

describe('newMailNotice', () => {
  it('names the sender and subject of a single message', () => {
    const h = header('Anna', 'Lunch?');
    expect(newMailNotice([h], prefs())).toEqual({ kind: 'one', messageId: h.id, sender: 'Anna', subject: 'Lunch?' });
  });

  it('uses the address when the sender has no name', () => {
    expect(newMailNotice([header('bob@y.se', 'Hi')], prefs())).toMatchObject({ sender: 'bob@y.se' });
  });

  it('says nothing of mail already read on another device', () => {
    expect(newMailNotice([header('Anna', 'Seen', { seen: true })], prefs())).toBeNull();
    const unread = header('Bo', 'Unread');
    expect(newMailNotice([header('Anna', 'Seen', { seen: true }), unread], prefs())).toMatchObject({
      kind: 'one',
      messageId: unread.id,
    });
  });

  it('groups several into one notice that opens the newest and names up to three senders once', () => {
    const list = [
      header('Anna', 'a', { date: 1 }),
      header('Bo', 'b', { date: 5 }),
      header('Anna', 'c', { date: 2 }),
      header('Cecilia', 'd', { date: 3 }),
      header('Dan', 'e', { date: 4 }),
    ];
    expect(newMailNotice(list, prefs())).toEqual({
      kind: 'several',
      messageId: list[1]!.id,
      count: 5,
      senders: ['Bo', 'Dan', 'Cecilia'],
    });
  });

  it('with the content hidden says only how many, never who or what', () => {
    const notice = newMailNotice([header('Anna', 'Secret plans'), header('Bo', 'More')], prefs({ hideContent: true }));
    expect(notice).toMatchObject({ kind: 'hidden', count: 2 });
    expect(JSON.stringify(notice)).not.toMatch(/Anna|Secret|Bo/);
  });

  it('leaves out the mail of an account turned off, and everything when notifications are off', () => {
    expect(newMailNotice([header('Anna', 'x', { accountId: 'a2' })], prefs({ mutedAccounts: ['a2'] }))).toBeNull();
    expect(newMailNotice([header('Anna', 'x')], prefs({ enabled: false }))).toBeNull();
  });
});
