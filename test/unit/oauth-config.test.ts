import { describe, expect, it } from 'vitest';
import { builtInOAuthClients, desktopOAuthEnv, webOAuthEnv } from '../../electron/shell/oauth-config';

const env = {
  MAIL_OAUTH_GOOGLE_CLIENT_ID: 'id-1',
  MAIL_OAUTH_GOOGLE_CLIENT_SECRET: 'not-really-secret',
  MAIL_OAUTH_GOOGLE_AUTHORIZE_URL: 'http://127.0.0.1:1/authorize',
  MAIL_OAUTH_GOOGLE_HOSTS: '127.0.0.1',
  HOME: '/home/ada',
};

describe('OAuth2 configuration of the shells', () => {
  it('has no built-in client ids when running from source (scripts/build.mjs bakes them in)', () => {
    expect(builtInOAuthClients()).toEqual({});
  });

  it('the desktop app takes client ids from its environment, never endpoint overrides', () => {
    expect(desktopOAuthEnv(env)).toEqual({
      MAIL_OAUTH_GOOGLE_CLIENT_ID: 'id-1',
      MAIL_OAUTH_GOOGLE_CLIENT_SECRET: 'not-really-secret',
    });
  });

  it('the browser shell under Node also takes the test bed overrides, and nothing else', () => {
    expect(webOAuthEnv(env)).toEqual({
      MAIL_OAUTH_GOOGLE_CLIENT_ID: 'id-1',
      MAIL_OAUTH_GOOGLE_CLIENT_SECRET: 'not-really-secret',
      MAIL_OAUTH_GOOGLE_AUTHORIZE_URL: 'http://127.0.0.1:1/authorize',
      MAIL_OAUTH_GOOGLE_HOSTS: '127.0.0.1',
    });
  });
});
