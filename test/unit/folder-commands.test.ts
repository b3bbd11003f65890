import { describe, expect, it, vi } from 'vitest';
import type { Mailbox } from '../../shared/domain';
import { folderCommands } from '../../renderer/folders/folder-commands';

function box(id: number, path: string, role: Mailbox['role'] = null, extra: Partial<Mailbox> = {}): Mailbox {
  return {
    id,
    accountId: 'a',
    path,
    name: path,
    parentPath: null,
    delimiter: '/',
    role,
    subscribed: true,
    selectable: true,
    unread: 0,
    total: 0,
    ...extra,
  };
}

const toggles = () => ({ setSync: vi.fn(), subscribe: vi.fn() });

describe('folderCommands', () => {
  const inbox = box(1, 'INBOX', 'inbox', { unread: 3 });
  const trash = box(2, 'Trash', 'trash', { total: 4 });
  const junk = box(3, 'Junk', 'junk');
  const projects = box(4, 'Projects');
  const mailboxes = [inbox, trash, junk, projects];

  it('lets a plain folder be renamed, moved and deleted, and a special one not', () => {
    const open = vi.fn();
    const plain = folderCommands({
      folder: projects,
      accountId: 'a',
      mailboxes,
      open,
      markRead: vi.fn(),
      ...toggles(),
    });
    expect([plain.renameFolder.enabled, plain.moveFolder.enabled, plain.deleteFolder.enabled]).toEqual([
      true,
      true,
      true,
    ]);
    plain.deleteFolder.run();
    expect(open).toHaveBeenCalledWith({ kind: 'delete', mailbox: projects });
    const special = folderCommands({ folder: inbox, accountId: 'a', mailboxes, open, markRead: vi.fn(), ...toggles() });
    expect([special.renameFolder.enabled, special.moveFolder.enabled, special.deleteFolder.enabled]).toEqual([
      false,
      false,
      false,
    ]);
    expect(special.newSubfolder.enabled).toBe(true);
  });

  it('empties the account’s Trash only when it holds something, and marks read only with unread mail', () => {
    const open = vi.fn();
    const markRead = vi.fn();
    const commands = folderCommands({ folder: inbox, accountId: 'a', mailboxes, open, markRead, ...toggles() });
    expect(commands.emptyTrash.enabled).toBe(true);
    expect(commands.emptyJunk.enabled).toBe(false);
    commands.emptyTrash.run();
    expect(open).toHaveBeenCalledWith({ kind: 'empty', mailbox: trash });
    commands.markFolderRead.run();
    expect(markRead).toHaveBeenCalledWith(inbox);
    expect(
      folderCommands({ folder: projects, accountId: 'a', mailboxes, open, markRead, ...toggles() }).markFolderRead
        .enabled,
    ).toBe(false);
  });

  it('creates a top-level folder in the account on screen even in a unified view', () => {
    const open = vi.fn();
    const commands = folderCommands({ folder: null, accountId: 'a', mailboxes, open, markRead: vi.fn(), ...toggles() });
    expect(commands.newSubfolder.enabled).toBe(false);
    commands.newFolder.run();
    expect(open).toHaveBeenCalledWith({ kind: 'create', accountId: 'a', parent: null });
  });

  it('turns a folder’s sync off, or back on, but never the Inbox’s', () => {
    const setSync = vi.fn();
    const common = { accountId: 'a', mailboxes, open: vi.fn(), markRead: vi.fn(), subscribe: vi.fn(), setSync };
    folderCommands({ ...common, folder: projects }).toggleFolderSync.run();
    expect(setSync).toHaveBeenLastCalledWith(projects, false);
    const off = { ...projects, syncEnabled: false };
    folderCommands({ ...common, folder: off }).toggleFolderSync.run();
    expect(setSync).toHaveBeenLastCalledWith(off, true);
    expect(folderCommands({ ...common, folder: inbox }).toggleFolderSync.enabled).toBe(false);
  });
});
