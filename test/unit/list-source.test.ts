// Which folders a list shows: a single folder, or one role across every account (the unified views).
import { describe, expect, it } from 'vitest';
import { alice, all, bob, mailbox } from '../support/two-accounts';
import {
  mailboxSource,
  sameSource,
  sourceAvailable,
  sourceKey,
  sourceMailboxes,
  sourceRole,
  unifiedMailboxes,
  unifiedSource,
  windowFetcher,
} from '../../renderer/message-list/list-source';
import type { Transport } from '../../shared/contract';
import type { MailboxId, MessageId } from '../../shared/domain';

/** A transport that answers every page with nothing and remembers what it was asked. */
function recordingTransport(): { transport: Transport; calls: [string, unknown][] } {
  const calls: [string, unknown][] = [];
  const transport = {
    invoke: async (method: string, input: unknown) => {
      calls.push([method, input]);
      return { total: 0, messages: [] };
    },
    onEvent: () => () => undefined,
  } as unknown as Transport;
  return { transport, calls };
}

describe('list sources', () => {
  it('a unified view shows each account’s folder of its role, INBOX recognised by name', () => {
    expect(unifiedMailboxes(all, 'inbox').map((m) => `${m.accountId}:${m.path}`)).toEqual(['alice:INBOX', 'bob:INBOX']);
    expect(sourceMailboxes(unifiedSource('sent'), all).map((m) => m.path)).toEqual(['Sent', 'Sent Items']);
    // bob has no Drafts: only alice's is shown
    expect(sourceMailboxes(unifiedSource('drafts'), all).map((m) => m.accountId)).toEqual(['alice']);
  });

  it('takes one folder per account, the first listed, as the engine does', () => {
    const twice = [...all, mailbox('bob', 'INBOX-old', 'inbox')];
    expect(
      unifiedMailboxes(twice, 'inbox')
        .filter((m) => m.accountId === 'bob')
        .map((m) => m.path),
    ).toEqual(['INBOX']);
  });

  it('a mailbox source shows just that mailbox, and nothing once it is gone', () => {
    const archive = alice[3]!;
    expect(sourceMailboxes(mailboxSource(archive.id), all)).toEqual([archive]);
    expect(sourceMailboxes(mailboxSource(99_999), all)).toEqual([]);
    expect(sourceMailboxes(null, all)).toEqual([]);
  });

  it('keys tell sources apart and equal sources alike', () => {
    expect(sourceKey(unifiedSource('inbox'))).not.toBe(sourceKey(unifiedSource('sent')));
    expect(sourceKey(mailboxSource(1))).not.toBe(sourceKey(mailboxSource(2)));
    expect(sameSource(mailboxSource(5), { kind: 'mailbox', mailboxId: 5 })).toBe(true);
    expect(sameSource(unifiedSource('inbox'), mailboxSource(1))).toBe(false);
    expect(sameSource(null, null)).toBe(true);
  });

  it('a unified view is available only with two accounts or more and a folder of its role', () => {
    expect(sourceAvailable(unifiedSource('inbox'), 2, all)).toBe(true);
    expect(sourceAvailable(unifiedSource('inbox'), 1, all)).toBe(false);
    expect(sourceAvailable(unifiedSource('drafts'), 2, bob)).toBe(false);
    expect(sourceAvailable(mailboxSource(bob[0]!.id), 1, all)).toBe(true);
    expect(sourceAvailable(mailboxSource(99_999), 2, all)).toBe(false);
  });

  it('the role of a source decides the list’s look (recipients in Sent and Drafts)', () => {
    expect(sourceRole(unifiedSource('sent'), all)).toBe('sent');
    expect(sourceRole(mailboxSource(alice[0]!.id), all)).toBe('inbox');
    expect(sourceRole(mailboxSource(alice[3]!.id), all)).toBe('archive');
    expect(sourceRole(null, all)).toBeNull();
  });

  it('asks for a page in the list’s order and filters, keeping the message being read', async () => {
    const { transport, calls } = recordingTransport();
    const order = { sort: { by: 'sender', direction: 'asc' }, filter: { unread: true } } as const;
    await windowFetcher(transport, mailboxSource(7 as MailboxId), order, () => 42 as MessageId)(0, 50);
    await windowFetcher(transport, unifiedSource('inbox'), order)(50, 50);
    expect(calls).toEqual([
      [
        'messages.window',
        { mailboxId: 7, offset: 0, limit: 50, sort: order.sort, filter: { unread: true, keep: [42] } },
      ],
      ['messages.unifiedWindow', { role: 'inbox', offset: 50, limit: 50, sort: order.sort, filter: { unread: true } }],
    ]);
  });

  it('conversation rows are newest first and unfiltered, whatever order the message list has', async () => {
    const { transport, calls } = recordingTransport();
    const order = { sort: { by: 'size', direction: 'desc' }, filter: { starred: true } } as const;
    await windowFetcher(transport, mailboxSource(7 as MailboxId), order, () => 42 as MessageId, true)(0, 50);
    await windowFetcher(transport, unifiedSource('sent'), order, undefined, true)(100, 50);
    expect(calls).toEqual([
      ['conversations.window', { mailboxId: 7, offset: 0, limit: 50 }],
      ['conversations.unifiedWindow', { role: 'sent', offset: 100, limit: 50 }],
    ]);
  });
});
