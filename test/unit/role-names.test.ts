// Folder roles from well-known names, for servers without SPECIAL-USE.
import { describe, expect, it } from 'vitest';
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
