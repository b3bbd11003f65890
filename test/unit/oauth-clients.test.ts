import { describe, expect, it } from 'vitest';
import {
  configuredProvider,
  envKey,
  oauthClient,
  OAuthNotConfiguredError,
} from '../../electron/core/accounts/auth/oauth-clients';
import { oauthProvider, oauthProviderFor } from '../../electron/core/accounts/auth/oauth-providers';

const google = oauthProvider('google')!;

describe('OAuth2 clients', () => {
  it('come from MAIL_OAUTH_<PROVIDER>_CLIENT_ID; none configured is null', () => {
    expect(envKey('google', 'CLIENT_ID')).toBe('MAIL_OAUTH_GOOGLE_CLIENT_ID');
    expect(oauthClient(google, {})).toBeNull();
    expect(oauthClient(google, { MAIL_OAUTH_GOOGLE_CLIENT_ID: ' id ' })).toEqual({ clientId: 'id' });
    expect(oauthClient(google, { MAIL_OAUTH_GOOGLE_CLIENT_ID: 'id', MAIL_OAUTH_GOOGLE_CLIENT_SECRET: 's' })).toEqual({
      clientId: 'id',
      clientSecret: 's',
    });
    expect(new OAuthNotConfiguredError(google).message).toContain('MAIL_OAUTH_GOOGLE_CLIENT_ID');
  });

  it('endpoint and host overrides apply only together with a client id', () => {
    const overrides = {
      MAIL_OAUTH_GOOGLE_TOKEN_URL: 'http://127.0.0.1:9/token',
      MAIL_OAUTH_GOOGLE_HOSTS: 'mail.example.test',
    };
    expect(configuredProvider(google, overrides)).toBe(google);
    const configured = configuredProvider(google, { ...overrides, MAIL_OAUTH_GOOGLE_CLIENT_ID: 'id' });
    expect(configured.tokenUrl).toBe('http://127.0.0.1:9/token');
    expect(configured.authorizeUrl).toBe(google.authorizeUrl);
    expect(oauthProviderFor({ host: 'mail.example.test' }, [configured])?.id).toBe('google');
    expect(oauthProviderFor({ host: 'other.example.test' }, [configured])).toBeNull();
  });
});

describe('the provider table', () => {
  it('finds the provider by preset or by mail host', () => {
    expect(oauthProviderFor({ presetId: 'gmail' })?.id).toBe('google');
    expect(oauthProviderFor({ presetId: 'outlook' })?.id).toBe('microsoft');
    expect(oauthProviderFor({ presetId: 'microsoft365' })?.id).toBe('microsoft');
    expect(oauthProviderFor({ host: 'imap.gmail.com' })?.id).toBe('google');
    expect(oauthProviderFor({ host: 'outlook.office365.com' })?.id).toBe('microsoft');
    expect(oauthProviderFor({ host: 'imap.example.org' })).toBeNull();
    expect(oauthProvider('microsoft')?.scopes).toContain('offline_access');
  });
});
