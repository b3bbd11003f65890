// The gate that keeps a refused password from being tried again (net/password-gate.ts), and
// the one race it must not lose: a login still under way with the old password when the user
// gives the new one. Its refusal comes after the new password and must not close the gate on
// it, or the account asks again for a password it never tried.
import { describe, expect, it } from 'vitest';
import { loginStarted, PasswordGate, PasswordRefusedError } from '../../electron/core/net/password-gate';

const imap = { protocol: 'imap' as const, host: 'imap.example.test', message: 'Authentication failed.' };
const smtp = { protocol: 'smtp' as const, host: 'smtp.example.test', message: '535 Authentication failed.' };

describe('the password gate', () => {
  it('closes on the first refusal, keeps it as the one shown, and opens on a new password', () => {
    const gate = new PasswordGate();
    expect(gate.refuse('a', imap, loginStarted())).toEqual(imap);
    expect(gate.refuse('a', smtp, loginStarted())).toEqual(imap);
    expect(() => gate.check('a')).toThrow(PasswordRefusedError);
    gate.check('b');

    gate.clear('a');
    gate.check('a');
    expect(gate.refusal('a')).toBeNull();
  });

  it('ignores the refusal of a login that began before the new password, not of one that began after', () => {
    const gate = new PasswordGate();
    gate.refuse('a', imap, loginStarted());
    const staleLogin = loginStarted(); // an SMTP login with the old password, still under way

    gate.clear('a'); // the user enters the new password
    expect(gate.refuse('a', smtp, staleLogin)).toBeNull();
    gate.check('a');

    expect(gate.refuse('a', smtp, loginStarted())).toEqual(smtp);
    expect(() => gate.check('a')).toThrow(PasswordRefusedError);
  });
});
