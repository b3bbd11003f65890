import { describe, expect, it } from 'vitest';
import type { Mailbox } from '../../shared/domain';
import { type Dragged, acceptsDrop, wantsCopy } from '../../renderer/folders/drag-data';

let nextId = 1;
function box(path: string, extra: Partial<Mailbox> = {}): Mailbox {
  const parts = path.split('/');
  return {
    id: nextId++,
    accountId: 'a',
    path,
    name: parts.at(-1)!,
    parentPath: parts.length > 1 ? parts.slice(0, -1).join('/') : null,
    delimiter: '/',
    role: null,
    subscribed: true,
    selectable: true,
    unread: 0,
    total: 0,
    ...extra,
  };
}

const unprotected = () => false;

describe('acceptsDrop', () => {
  const projects = box('Projects');
  const sub = box('Projects/2026');
  const other = box('Other');
  const elsewhere = box('Elsewhere', { accountId: 'b' });

  it('takes messages into a selectable folder of their own account only', () => {
    const messages: Dragged = { kind: 'messages', ids: [1, 2], accountId: 'a' };
    expect(acceptsDrop(messages, { mailbox: projects }, unprotected)).toBe(true);
    expect(acceptsDrop(messages, { mailbox: elsewhere }, unprotected)).toBe(false);
    expect(acceptsDrop(messages, { mailbox: box('Holder', { selectable: false }) }, unprotected)).toBe(false);
    expect(acceptsDrop({ kind: 'messages', ids: [1, 2], accountId: null }, { mailbox: projects }, unprotected)).toBe(
      false,
    );
    expect(acceptsDrop(messages, { accountId: 'a' }, unprotected)).toBe(false);
  });

  it('re-parents a folder, never into itself, below itself, where it is, or out of its account', () => {
    const folder = { kind: 'folder', mailbox: projects } as const;
    expect(acceptsDrop(folder, { mailbox: other }, unprotected)).toBe(true);
    expect(acceptsDrop(folder, { mailbox: projects }, unprotected)).toBe(false);
    expect(acceptsDrop(folder, { mailbox: sub }, unprotected)).toBe(false);
    expect(acceptsDrop(folder, { mailbox: elsewhere }, unprotected)).toBe(false);
    expect(acceptsDrop({ kind: 'folder', mailbox: sub }, { mailbox: projects }, unprotected)).toBe(false);
    // onto its account: to the top level, unless it is there already
    expect(acceptsDrop({ kind: 'folder', mailbox: sub }, { accountId: 'a' }, unprotected)).toBe(true);
    expect(acceptsDrop(folder, { accountId: 'a' }, unprotected)).toBe(false);
    expect(acceptsDrop(folder, { mailbox: other }, () => true)).toBe(false);
  });

  it('copies with Ctrl or Alt held', () => {
    expect(wantsCopy({ ctrlKey: true, altKey: false })).toBe(true);
    expect(wantsCopy({ ctrlKey: false, altKey: true })).toBe(true);
    expect(wantsCopy({ ctrlKey: false, altKey: false })).toBe(false);
  });
});
