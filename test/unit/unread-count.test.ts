// The unread count of the dock, taskbar, tray and window title.
import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../../shared/domain';
import { badgeText, titleWithCount, unreadCount } from '../../shared/unread-count';

const box = (id: number, accountId: string, path: string, role: Mailbox['role'], unread: number): Mailbox => ({
  id,
  accountId,
  path,
  name: path,
  parentPath: null,
  delimiter: '/',
  role,
  subscribed: true,
  selectable: true,
  unread,
  total: unread + 10,
});

const mailboxes = [
  box(1, 'a', 'INBOX', 'inbox', 3),
  box(2, 'a', 'Lists', null, 40),
  box(3, 'b', 'INBOX', 'inbox', 2),
  box(4, 'b', 'Trash', 'trash', 7),
  box(5, 'c', 'Inbox', null, 1),
];

describe('unreadCount', () => {
  it('adds up every account’s Inbox by default, an Inbox without a role included', () => {
    expect(unreadCount(mailboxes, null)).toBe(6);
  });

  it('adds up the chosen folders instead when the user chose some', () => {
    expect(unreadCount(mailboxes, [1, 2])).toBe(43);
    expect(unreadCount(mailboxes, [])).toBe(0);
  });

  it('never goes below zero for a folder whose count is briefly off', () => {
    expect(unreadCount([box(1, 'a', 'INBOX', 'inbox', -2)], null)).toBe(0);
  });
});

describe('titleWithCount and badgeText', () => {
  it('shows the count only when there is something unread', () => {
    expect(titleWithCount('Mail', 4)).toBe('Mail (4)');
    expect(titleWithCount('Mail', 0)).toBe('Mail');
    expect(badgeText(0)).toBe('');
    expect(badgeText(12)).toBe('12');
    expect(badgeText(1234)).toBe('99+');
  });
});
