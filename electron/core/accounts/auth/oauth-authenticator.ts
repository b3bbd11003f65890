// OAuth2 sign-in for IMAP and SMTP: the access token from the account's TokenRefresher, given to
// imapflow as `accessToken` (it picks OAUTHBEARER or XOAUTH2, whichever the server offers) and to
// nodemailer as an XOAuth2 token whose renewal asks the refresher. nodemailer asks for a renewal
// itself when the server refuses a token, once; the refresher makes sure that is the only retry.
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { Authenticator } from './authenticator';
import type { TokenRefresher } from './token-refresher';

export function oauthAuthenticator(refresher: TokenRefresher): Authenticator {
  return {
    mechanism: 'xoauth2',
    imapCredentials: async (username) => ({ username, accessToken: await refresher.accessToken() }),
    smtpCredentials: async (username) => {
      const oauth2 = new XOAuth2({
        user: username,
        accessToken: await refresher.accessToken(),
        // renew: the server refused the token; otherwise nodemailer asks once the token is stale
        provisionCallback: (_user, renew, callback) => {
          if (renew && !refresher.refused()) {
            callback(refresher.signInAgain ?? new Error('Sign in again.'));
            return;
          }
          refresher.accessToken().then(
            (token) => callback(null, token),
            (error: Error) => callback(error),
          );
        },
      });
      return { user: username, oauth2 };
    },
  };
}
