// Folder roles without SPECIAL-USE, and the personal namespace prefix kept out of the tree.
import { describe, expect, it } from 'vitest';
import { assignRoles } from '../../electron/core/imap/sync/mailbox-list';
import { displayParent } from '../../electron/core/imap/sync/namespace';
import { roleByName } from '../../shared/role-names';

describe('roleByName', () => {
  it.each([
    ['Sent', 'sent'],
    ['Gesendet', 'sent'],
    ['Skickat', 'sent'],
    ['Envoyés', 'sent'],
    ['Enviados', 'sent'],
    ['Posta inviata', 'sent'],
    ['Verzonden', 'sent'],
    ['Sent Items', 'sent'],
    ['Entwürfe', 'drafts'],
    ['Utkast', 'drafts'],
    ['Bozze', 'drafts'],
    ['Papierkorb', 'trash'],
    ['Papperskorgen', 'trash'],
    ['Deleted Items', 'trash'],
    ['Cestino', 'trash'],
    ['Spam', 'junk'],
    ['Skräppost', 'junk'],
    ['Courrier indésirable', 'junk'],
    ['Archive', 'archive'],
    ['Arkiv', 'archive'],
  ])('%s is %s', (name, role) => {
    expect(roleByName(name)).toBe(role);
  });

  it('ignores case and the Unicode form, and knows no role for other names', () => {
    expect(roleByName('  GESENDET ')).toBe('sent');
    expect(roleByName('Envoye\u0301s')).toBe('sent'); // decomposed é
    expect(roleByName('Projects')).toBeNull();
    expect(roleByName('Sent 2019')).toBeNull();
  });
});

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
