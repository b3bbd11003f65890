// The OAuth2 part of the contract: which providers this build can sign in with, and one sign-in
// through the provider's own page in the system browser. 'oauth.start' gives the page's address
// (the UI opens it: the desktop shell hands it to the OS browser, the browser shell opens a new
// tab); 'oauth.complete' waits for the answer and adds the account, or signs an existing one in
// again. Shaped like `methods` in contract.ts, which spreads these in.
import { z } from 'zod';
import { connectionTestResultSchema } from './discovery';
import { accountIdSchema, accountSchema, accountSettingsSchema } from './schemas';

export const oauthProviderInfoSchema = z.object({
  id: z.string(),
  /** For "Sign in with …". */
  name: z.string(),
  /** This build has a client id for it; without one the button explains instead of signing in. */
  configured: z.boolean(),
});
export type OAuthProviderInfo = z.infer<typeof oauthProviderInfoSchema>;

export const oauthOutcomeSchema = z.discriminatedUnion('outcome', [
  /** The account was added (signed in and its servers tested) and starts syncing. */
  z.object({ outcome: z.literal('added'), account: accountSchema }),
  /** An account that had to sign in again did so; its connections resume. */
  z.object({ outcome: z.literal('signed-in-again'), account: accountSchema }),
  /** The user (or the provider) said no on the provider's page. */
  z.object({ outcome: z.literal('denied'), message: z.string() }),
  /** Signed in, but a server refused the token or could not be reached: nothing was added. */
  z.object({ outcome: z.literal('test-failed'), test: connectionTestResultSchema }),
  /** No answer in time, cancelled, or the token endpoint failed (the engine's sentence). */
  z.object({ outcome: z.literal('failed'), message: z.string() }),
]);
export type OAuthOutcome = z.infer<typeof oauthOutcomeSchema>;

const ok = z.object({ ok: z.literal(true) });

export const oauthMethods = {
  'oauth.providers': { input: z.object({}), output: z.array(oauthProviderInfoSchema) },
  /**
   * The provider that signs in for these settings: by discovery's preset (Gmail, Outlook.com,
   * Microsoft 365) or by the mail hosts; null when none does (passwords only).
   */
  'oauth.providerFor': {
    input: z.object({
      presetId: z.string().max(64).optional(),
      hosts: z.array(z.string().trim().max(253)).max(2),
    }),
    output: oauthProviderInfoSchema.nullable(),
  },
  /**
   * Begins a sign-in: a loopback listener waits on 127.0.0.1 (one answer, five minutes) and
   * `url` is the provider's page. `accountId`: sign that account in again instead of adding one.
   * Fails with invalid-input when this build has no client id for the provider (the message says so).
   */
  'oauth.start': {
    input: z.object({
      providerId: z.string().min(1).max(64),
      email: z.string().trim().min(3).max(320),
      accountId: accountIdSchema.optional(),
    }),
    output: z.object({ flowId: z.string(), url: z.string() }),
  },
  /**
   * Waits for the provider's answer, then adds the account with `settings` (IMAP and SMTP tested
   * with the new token first) or, for a flow started with an accountId, stores the new tokens.
   */
  'oauth.complete': {
    input: z.object({ flowId: z.string().min(1).max(64), settings: accountSettingsSchema.optional() }),
    output: oauthOutcomeSchema,
  },
  /** Stops waiting (the wizard was closed): the listener closes. */
  'oauth.cancel': { input: z.object({ flowId: z.string().min(1).max(64) }), output: ok },
} as const;

export type OAuthMethodName = keyof typeof oauthMethods;
