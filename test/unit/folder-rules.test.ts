import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../../shared/domain';
import { canEmptyFolder, isProtectedFolder, newParentChoices, syncsAlways } from '../../renderer/folders/folder-rules';

let nextId = 1;
function box(path: string, role: Mailbox['role'] = null, accountId = 'a'): Mailbox {
  const parts = path.split('/');
  return {
    id: nextId++,
    accountId,
    path,
    name: parts.at(-1)!,
    parentPath: parts.length > 1 ? parts.slice(0, -1).join('/') : null,
    delimiter: '/',
    role,
    subscribed: true,
    selectable: true,
    unread: 0,
    total: 0,
  };
}

describe('folder rules', () => {
  const inbox = box('INBOX');
  const trash = box('Trash', 'trash');
  const projects = box('Projects');
  const sub = box('Projects/2026');
  const holder = box('Old');
  const oldSent = box('Old/Sent', 'sent');
  const projectsLike = box('Projects-old');
  const elsewhere = box('Elsewhere', null, 'b');
  const all = [inbox, trash, projects, sub, holder, oldSent, projectsLike, elsewhere];

  it('protects special folders, the Inbox by its name, and folders holding a special one', () => {
    expect(isProtectedFolder(inbox, all)).toBe(true);
    expect(isProtectedFolder(trash, all)).toBe(true);
    expect(isProtectedFolder(holder, all)).toBe(true);
    expect(isProtectedFolder(projects, all)).toBe(false);
    expect(isProtectedFolder(sub, all)).toBe(false);
  });

  it('offers only Trash and Junk for emptying', () => {
    expect(canEmptyFolder(trash)).toBe(true);
    expect(canEmptyFolder(box('Spam', 'junk'))).toBe(true);
    expect(canEmptyFolder(projects)).toBe(false);
  });

  it('moves a folder within its account, never into itself, below itself or where it is', () => {
    const paths = newParentChoices(projects, all).map((m) => m.path);
    expect(paths).toEqual(['INBOX', 'Trash', 'Old', 'Old/Sent', 'Projects-old']);
    expect(newParentChoices(sub, all).map((m) => m.path)).not.toContain('Projects');
  });

  it('offers to turn sync on for a folder synced only while open (a Gmail label), and off for one always synced', () => {
    expect(syncsAlways({ syncEnabled: true })).toBe(true);
    expect(syncsAlways({})).toBe(true);
    expect(syncsAlways({ syncEnabled: true, syncOnOpen: true })).toBe(false);
    expect(syncsAlways({ syncEnabled: false })).toBe(false);
  });
});
