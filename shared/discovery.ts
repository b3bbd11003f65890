// Account setup: what autodiscovery found and how, what a connection test found, and the
// certificate a person is asked to trust. Types and zod schemas only; the engine fills them in
// (electron/core/accounts/), the wizard shows them (renderer/wizard/).
import { z } from 'zod';
import { incomingProtocolSchema, serverSettingsSchema } from './schemas';

/**
 * Where settings can come from, highest priority first: the presets bundled with the app, the
 * domain's own autoconfig file (two addresses), Thunderbird's ISPDB, DNS SRV records (RFC 6186
 * and 8314), the ISPDB entry of the domain that receives the mail (MX), and probing likely servers.
 */
export const DISCOVERY_SOURCES = ['preset', 'autoconfig', 'well-known', 'ispdb', 'srv', 'mx-ispdb', 'guess'] as const;
export const discoverySourceSchema = z.enum(DISCOVERY_SOURCES);
export type DiscoverySource = z.infer<typeof discoverySourceSchema>;

/** waiting: not started; skipped: not needed (a better source answered first). */
export const discoveryStateSchema = z.enum(['waiting', 'running', 'found', 'not-found', 'failed', 'skipped']);
export type DiscoveryState = z.infer<typeof discoveryStateSchema>;

/** How a server lets the user in, as autoconfig names it. */
export const authMethodSchema = z.enum(['password-cleartext', 'password-encrypted', 'oauth2']);
export type AuthMethod = z.infer<typeof authMethodSchema>;

export const providerNoteSchema = z.enum(['proton-bridge', 'oauth-only']);
export type ProviderNote = z.infer<typeof providerNoteSchema>;

export const providerInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The provider wants an app password instead of the account password (always, or with 2FA). */
  appPassword: z.boolean(),
  note: providerNoteSchema.optional(),
});
export type ProviderInfo = z.infer<typeof providerInfoSchema>;

export const discoveredSettingsSchema = z.object({
  username: z.string(),
  imap: serverSettingsSchema,
  smtp: serverSettingsSchema,
  /** 'pop3': the only incoming server found is a POP3 server, and `imap` holds it. */
  protocol: incomingProtocolSchema.optional(),
  /** A POP3 server found beside the IMAP server, for a user who chooses POP3. */
  pop3: serverSettingsSchema.optional(),
  /** Empty when the source did not say. */
  imapAuth: z.array(authMethodSchema),
  smtpAuth: z.array(authMethodSchema),
  provider: providerInfoSchema.optional(),
  /** The server files sent mail into Sent itself (Gmail): the client must not append a copy. */
  serverSavesSent: z.boolean().optional(),
  /**
   * A server that only DNS named (SRV records, the MX host's ISPDB entry) lies outside the
   * address's registrable domain: a spoofed DNS answer could send the password there, with a
   * valid certificate for the attacker's own name. The wizard asks the user to confirm, naming
   * both domains, before the password goes anywhere. Absent for presets and HTTPS sources.
   */
  outsideDomain: z
    .object({
      addressDomain: z.string(),
      /** The registrable domain of each such server, by protocol. */
      imap: z.string().optional(),
      smtp: z.string().optional(),
    })
    .optional(),
});
export type DiscoveredSettings = z.infer<typeof discoveredSettingsSchema>;

export const sourceOutcomeSchema = z.object({
  source: discoverySourceSchema,
  state: discoveryStateSchema,
  /** What was tried or why it failed, for the curious (English, not translated). */
  detail: z.string().optional(),
});
export type SourceOutcome = z.infer<typeof sourceOutcomeSchema>;

export const discoveryResultSchema = z.object({
  email: z.string(),
  /** The source whose answer won, null when nothing was found. */
  source: discoverySourceSchema.nullable(),
  settings: discoveredSettingsSchema.nullable(),
  /** Every source, in priority order. */
  outcomes: z.array(sourceOutcomeSchema),
});
export type DiscoveryResult = z.infer<typeof discoveryResultSchema>;

export const discoveryProgressSchema = z.object({
  email: z.string(),
  source: discoverySourceSchema,
  state: discoveryStateSchema,
});
export type DiscoveryProgress = z.infer<typeof discoveryProgressSchema>;

/** SHA-256 over the DER certificate: 32 upper-case hex pairs separated by colons. */
export const fingerprint256Schema = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, 'a SHA-256 fingerprint such as AB:CD:…');

export const certificateProblemSchema = z.enum([
  'self-signed',
  'untrusted-issuer',
  'expired',
  'not-yet-valid',
  'wrong-host',
  'other',
]);
export type CertificateProblem = z.infer<typeof certificateProblemSchema>;

export const certificateInfoSchema = z.object({
  /** "CN=mail.example.com, O=Example" */
  subject: z.string(),
  issuer: z.string(),
  /** ms since epoch */
  validFrom: z.number(),
  validTo: z.number(),
  fingerprint256: z.string(),
  /** The names the certificate is valid for (DNS and IP subject alternative names). */
  altNames: z.array(z.string()),
  problem: certificateProblemSchema,
});
export type CertificateInfo = z.infer<typeof certificateInfoSchema>;

export const TEST_FAILURE_KINDS = [
  /** The server refused the user name or password. */
  'auth',
  'host-not-found',
  'refused',
  'timeout',
  /** Other network trouble (reset, unreachable). */
  'network',
  /** The certificate is not valid and not trusted for this server. */
  'tls-untrusted',
  /** The user trusted a certificate for this server, and the server now shows another one. */
  'tls-changed',
  /** No TLS handshake (e.g. TLS to a cleartext port). */
  'tls-failed',
  /** The server does not offer STARTTLS, so nothing was sent. */
  'no-starttls',
  /** The server takes a password only over an encrypted connection (LOGINDISABLED, 530/538). */
  'encryption-required',
  'no-imap4rev1',
  'no-smtp-auth',
  /** Security 'plain' to a host that is not this computer, without the user's confirmation. */
  'plaintext-refused',
  /** Not tried: the IMAP server already refused the same password (one attempt per click). */
  'not-tried',
  /** Anything else the server said no to; `serverText` has its words. */
  'server',
] as const;
export const testFailureKindSchema = z.enum(TEST_FAILURE_KINDS);
export type TestFailureKind = z.infer<typeof testFailureKindSchema>;

export const testOutcomeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }),
  z.object({
    ok: z.literal(false),
    kind: testFailureKindSchema,
    /** A sentence a person can act on (English; the wizard shows its own text per kind). */
    message: z.string(),
    /** The server's own words, verbatim, when it said something. */
    serverText: z.string().optional(),
    /** The certificate that failed validation (tls-untrusted, tls-changed). */
    certificate: certificateInfoSchema.optional(),
    /** tls-changed: the fingerprint the user trusted before. */
    pinnedFingerprint256: z.string().optional(),
    /** auth: the provider wants an app password rather than the account password. */
    appPassword: z.boolean().optional(),
  }),
]);
export type TestOutcome = z.infer<typeof testOutcomeSchema>;
export type TestFailure = Extract<TestOutcome, { ok: false }>;

export const connectionSettingsSchema = z.object({
  username: z.string().min(1).max(320),
  /** The incoming server; a POP3 server when `protocol` is 'pop3' (then tested over POP3). */
  imap: serverSettingsSchema,
  protocol: incomingProtocolSchema.optional(),
  smtp: serverSettingsSchema,
});
export type ConnectionSettings = z.infer<typeof connectionSettingsSchema>;

export const connectionTestResultSchema = z.object({ imap: testOutcomeSchema, smtp: testOutcomeSchema });
export type ConnectionTestResult = z.infer<typeof connectionTestResultSchema>;

/** How well stored passwords are protected: 'weak' is Linux without a keyring (basic_text). */
export const secretStrengthSchema = z.enum(['os-keychain', 'key-file', 'weak']);
export type SecretStrength = z.infer<typeof secretStrengthSchema>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/**
 * This computer (127.0.0.0/8, ::1, localhost): the only place a password may go unencrypted
 * without the user's explicit confirmation (a local bridge such as Proton Mail Bridge).
 */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.test(host.trim().replace(/^\[|\]$/g, ''));
}
