// The account-setup part of the contract: autodiscovery, the connection test, trusting a
// certificate, how passwords are protected, adding an account with the wizard's choices, and
// the per-account settings (names, signature, sync interval, remote images).
// Shaped exactly like `methods` and `events` in contract.ts, which spreads these in.
import { z } from 'zod';
import {
  connectionSettingsSchema,
  connectionTestResultSchema,
  discoveryProgressSchema,
  discoveryResultSchema,
  fingerprint256Schema,
  secretStrengthSchema,
} from './discovery';
import {
  accountChangesSchema,
  accountIdSchema,
  accountSchema,
  accountSettingsSchema,
  remoteSenderSchema,
} from './schemas';

const ok = z.object({ ok: z.literal(true) });
const passwordSchema = z.string().min(1).max(10_000);

export const accountMethods = {
  /**
   * Finds the servers for an address: every source in parallel with a short timeout each, the
   * highest-priority answer wins. Progress arrives as 'discovery.progress' events.
   */
  'accounts.discover': {
    input: z.object({ email: z.string().trim().min(3).max(320) }),
    output: discoveryResultSchema,
  },
  /**
   * Signs in to the IMAP and the SMTP server once each (never a retry loop) and says what went
   * wrong, per server. SMTP does not try the password again when IMAP already refused it.
   * `plaintextConfirmed`: the user confirmed a cleartext login to a host that is not this computer.
   */
  'accounts.testConnection': {
    input: z.object({
      settings: connectionSettingsSchema,
      password: passwordSchema,
      plaintextConfirmed: z.boolean().optional(),
    }),
    output: connectionTestResultSchema,
  },
  /**
   * Trusts (pins) a certificate for one host:port, replacing an earlier pin of that server. Only
   * a certificate a recent 'accounts.testConnection' showed for that server is accepted: the UI
   * names what the user saw, it never hands in a certificate ('not-found' otherwise: test again).
   */
  'accounts.trustCertificate': {
    input: z.object({
      host: z.string().trim().min(1).max(253),
      port: z.number().int().min(1).max(65535),
      fingerprint256: fingerprint256Schema,
    }),
    output: ok,
  },
  /** How passwords are protected on this computer ('weak': Linux without a keyring). */
  'accounts.secretStorage': {
    input: z.object({}),
    output: z.object({ strength: secretStrengthSchema }),
  },
  /**
   * accounts.add with the wizard's choices: `rememberPassword: false` keeps the password in
   * memory only (asked again after a restart); `plaintextConfirmed` records that the user
   * confirmed a cleartext login to a host that is not this computer.
   */
  'accounts.create': {
    input: z.object({
      settings: accountSettingsSchema,
      password: passwordSchema,
      rememberPassword: z.boolean(),
      plaintextConfirmed: z.boolean().optional(),
    }),
    output: accountSchema,
  },
  /**
   * Changes an account's settings; fields left out stay. A new sync interval applies to the
   * running account at once; the signature is what the next compose.prepare puts in.
   */
  'accounts.update': {
    input: accountChangesSchema.extend({ accountId: accountIdSchema }),
    output: accountSchema,
  },
  /** Senders whose remote images load without asking, of one account or of all. */
  'accounts.remoteSenders': {
    input: z.object({ accountId: accountIdSchema.optional() }),
    output: z.array(remoteSenderSchema),
  },
  /** "Always for this sender": remote images of `address` load for this account from now on. */
  'accounts.allowRemoteSender': { input: remoteSenderSchema, output: ok },
  /** Takes a sender off the list again (the settings show the list). */
  'accounts.forgetRemoteSender': { input: remoteSenderSchema, output: ok },
} as const;

export const accountEvents = {
  'discovery.progress': discoveryProgressSchema,
  /**
   * An account was added, changed (settings, allowed senders) or removed (`removed`): read
   * accounts.list (and the senders) again.
   */
  'accounts.changed': z.object({ accountId: accountIdSchema, removed: z.boolean().optional() }),
} as const;

// The method and event types are contract.ts's (MethodInput, MethodArgs, MethodResult,
// EventPayload): these names only pick out this part of the contract.
export type AccountMethodName = keyof typeof accountMethods;
