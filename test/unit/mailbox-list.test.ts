// Folder roles on a tree without SPECIAL-USE: taken from names, top-level folders first.
import { describe, expect, it } from 'vitest';
import { assignRoles, isGmailLabelFolder, isViewFolder } from '../../electron/core/imap/sync/mailbox-list';

const entry = (
  path: string,
  shownParent: string | null,
  extra: { specialUse?: string; specialUseSource?: 'extension' | 'name' } = {},
) => ({
  path,
  name: path.split(/[./]/).at(-1)!,
  shownParent,
  ...extra,
});

describe('assignRoles', () => {
  it('takes roles from names on a Courier-style tree under INBOX.', () => {
    const roles = assignRoles([
      entry('INBOX', null),
      entry('INBOX.Sent', null),
      entry('INBOX.Drafts', null),
      entry('INBOX.Trash', null),
      entry('INBOX.Projects', null),
    ]);
    expect(Object.fromEntries(roles)).toEqual({
      INBOX: 'inbox',
      'INBOX.Sent': 'sent',
      'INBOX.Drafts': 'drafts',
      'INBOX.Trash': 'trash',
    });
  });

  it('lets a SPECIAL-USE flag win over a name, and a top-level name over a nested one', () => {
    const roles = assignRoles([
      entry('Projects/Sent', 'Projects'),
      entry('Sent', null),
      entry('Outgoing', null, { specialUse: '\\Sent', specialUseSource: 'extension' }),
      entry('Old/Papierkorb', 'Old'),
      entry('Trash', null),
    ]);
    expect(roles.get('Outgoing')).toBe('sent');
    expect(roles.has('Sent')).toBe(false);
    expect(roles.has('Projects/Sent')).toBe(false);
    expect(roles.get('Trash')).toBe('trash');
    expect(roles.has('Old/Papierkorb')).toBe(false);
  });
});

describe('isViewFolder', () => {
  it('leaves out of sync the folders that only show messages filed elsewhere (Gmail All Mail, Starred, Important)', () => {
    expect(isViewFolder({ specialUse: '\\All', flags: new Set(['\\All']) })).toBe(true);
    expect(isViewFolder({ specialUse: '\\Flagged', flags: new Set() })).toBe(true);
    expect(isViewFolder({ specialUse: undefined, flags: new Set(['\\HasNoChildren', '\\Important']) })).toBe(true);
    expect(isViewFolder({ specialUse: '\\Sent', flags: new Set(['\\Sent']) })).toBe(false);
    expect(isViewFolder({ specialUse: undefined, flags: new Set() })).toBe(false);
  });
});

describe('isGmailLabelFolder', () => {
  const label = { path: 'Work', specialUse: undefined, flags: new Set<string>(['\\HasNoChildren']) };
  it('marks a user label on Gmail, and nothing on other servers', () => {
    expect(isGmailLabelFolder(true, label, null)).toBe(true);
    expect(isGmailLabelFolder(true, { ...label, path: 'Work/2026' }, null)).toBe(true);
    expect(isGmailLabelFolder(false, label, null)).toBe(false);
  });
  it('never marks the Inbox, a folder with a role or a special use, a view folder or a container', () => {
    expect(isGmailLabelFolder(true, { ...label, path: 'INBOX' }, null)).toBe(false);
    expect(isGmailLabelFolder(true, { ...label, path: 'Receipts' }, 'archive')).toBe(false);
    expect(isGmailLabelFolder(true, { ...label, specialUse: '\\Sent' }, null)).toBe(false);
    expect(isGmailLabelFolder(true, { ...label, flags: new Set(['\\Important']) }, null)).toBe(false);
    expect(isGmailLabelFolder(true, { ...label, path: '[Gmail]', flags: new Set(['\\Noselect']) }, null)).toBe(false);
  });
});
