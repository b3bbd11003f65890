// Password sign-in: IMAP LOGIN / AUTHENTICATE PLAIN, SMTP AUTH PLAIN or LOGIN (the library picks
// among what the server offers). The password is fetched when needed, so a caller can keep it
// sealed until the moment of use.
import type { Authenticator } from './authenticator';

export function passwordAuthenticator(password: string | (() => Promise<string>)): Authenticator {
  const read = typeof password === 'string' ? async () => password : password;
  return {
    mechanism: 'password',
    imapCredentials: async (username) => ({ username, password: await read() }),
    smtpCredentials: async (username) => ({ user: username, pass: await read() }),
  };
}
