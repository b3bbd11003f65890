// The personal namespace prefix ("INBOX." on Courier) kept out of the folder tree.
import { describe, expect, it } from 'vitest';
import { displayParent } from '../../electron/core/imap/sync/namespace';

describe('displayParent', () => {
  const courier = (path: string, parentPath: string | null) =>
    displayParent({ path, parentPath, delimiter: '.' }, 'INBOX.');
  it('hangs folders directly under the personal namespace prefix at the top level', () => {
    expect(courier('INBOX.Sent', 'INBOX')).toBeNull();
    expect(courier('INBOX', null)).toBeNull();
    // Deeper folders keep their real parent, by its server path.
    expect(courier('INBOX.Projects.2024', 'INBOX.Projects')).toBe('INBOX.Projects');
  });

  it('changes nothing without a namespace prefix (Dovecot, Gmail)', () => {
    expect(displayParent({ path: 'INBOX/Lists', parentPath: 'INBOX', delimiter: '/' }, '')).toBe('INBOX');
    expect(displayParent({ path: '[Gmail]/Sent Mail', parentPath: '[Gmail]', delimiter: '/' }, '')).toBe('[Gmail]');
  });
});
