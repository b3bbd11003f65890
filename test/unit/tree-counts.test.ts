// When the folder list carries each folder's counts: before the pass only when a folder it syncs
// has nothing cached yet (the sidebar shows the server's number while it first syncs), after it
// when only folders left unsynced show the server's numbers, and not at all when every folder's
// number is its own.
import { describe, expect, it } from 'vitest';
import { countsBeforePass, countsShown } from '../../electron/core/imap/sync/tree-counts';

type Role = 'inbox' | 'sent' | null;
const folder = (
  role: Role,
  syncedLowUid: number | null,
  extra: { syncEnabled?: boolean; selectable?: boolean } = {},
) => ({
  role,
  selectable: extra.selectable ?? true,
  subscribed: true,
  syncEnabled: extra.syncEnabled ?? true,
  sync: { syncedLowUid },
});

describe('tree counts', () => {
  it('a new account (nothing listed or cached) asks before the pass', () => {
    expect(countsBeforePass([])).toBe(false);
    expect(countsBeforePass([folder('inbox', null), folder('sent', null)])).toBe(true);
  });

  it('a reopened account whose folders are all cached never asks', () => {
    const folders = [folder('inbox', 1), folder('sent', 1), folder(null, 40)];
    expect(countsBeforePass(folders)).toBe(false);
    expect(countsShown(folders)).toBe(false);
  });

  it('a folder whose sync is off shows the server’s counts, asked for after the pass', () => {
    const folders = [folder('inbox', 1), folder(null, null, { syncEnabled: false })];
    expect(countsBeforePass(folders)).toBe(false);
    expect(countsShown(folders)).toBe(true);
  });

  it('a new folder that syncs in the background is asked for before the pass', () => {
    expect(countsBeforePass([folder('inbox', 1), folder(null, null)])).toBe(true);
  });

  it('a folder that cannot be selected has no counts to show', () => {
    const folders = [folder('inbox', 1), folder(null, null, { selectable: false })];
    expect(countsBeforePass(folders)).toBe(false);
    expect(countsShown(folders)).toBe(false);
  });
});
