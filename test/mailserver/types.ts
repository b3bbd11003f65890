/**
 * Plain-data description of a running test mail server. Everything here is
 * JSON-serialisable on purpose: vitest's globalSetup hands it to the test
 * workers through `project.provide`, which cannot carry functions.
 */

export interface MailUser {
  /** Local part, e.g. "alice". */
  name: string;
  /** Full address; also the IMAP/POP3/SMTP AUTH login name. */
  address: string;
  password: string;
  /**
   * Dovecot's storage quota for this user instead of everyone's 1 GiB ("0" is none): the bench's
   * million-message INBOX alone is twice that, and the messages a test appends must still fit.
   */
  storageQuota?: string;
}

export interface MailServerPorts {
  /** IMAP, 143-style: plaintext greeting, STARTTLS required before LOGIN. */
  imap: number;
  /** IMAP over implicit TLS, 993-style. */
  imaps: number;
  /** POP3 over implicit TLS, 995-style. */
  pop3s: number;
  /** POP3, 110-style: plaintext greeting, STLS required before USER/AUTH. */
  pop3: number;
  /** SMTP submission, 587-style: STARTTLS mandatory, then AUTH. */
  submission: number;
  /** SMTP submission over implicit TLS, 465-style, with AUTH. */
  submissions: number;
  /** Inbound SMTP, 25-style: no AUTH, accepts mail for the test domain only. */
  smtp: number;
  /**
   * Implicit-TLS IMAP whose certificate is NOT signed by `caPem` (a second,
   * unrelated self-signed CA). The TLS is terminated by a small Node proxy
   * that forwards to the real IMAP port, so a client that wrongly accepted
   * the certificate would get a working session: a refusal is meaningful.
   */
  imapsUntrusted: number;
  /** Same as imapsUntrusted, for implicit-TLS SMTP (forwards to `smtp`). */
  submissionsUntrusted: number;
}

export interface MailServerLogs {
  /** Dovecot's log_path: auth failures, logins, LMTP deliveries. */
  dovecot: string;
  /** Postfix's maillog_file. */
  postfix: string;
  /** The daemons' own stdout/stderr (startup errors land here). */
  dovecotStdio: string;
  postfixStdio: string;
}

/** Which IMAP server `ports.imap` and `ports.imaps` lead to, and what a test must know about it. */
export interface ImapServerInfo {
  name: ImapServerName;
  /**
   * Personal namespace prefix of every folder but INBOX: "" on the Dovecot here (separator "/"),
   * "INBOX." on Courier. `mailboxPath(server, 'Sent')` (imap-servers.ts) applies it.
   */
  mailboxPrefix: '' | 'INBOX.';
  /**
   * CONDSTORE (RFC 7162): with it a STATUS shows a flag change in a folder nobody watches
   * (HIGHESTMODSEQ moves); without it (Courier) only opening the folder, or the engine's
   * periodic comparison, brings such a change in (docs/servers.md, "How soon a change shows").
   */
  condstore: boolean;
}

export type ImapServerName = 'dovecot' | 'courier';

/** Courier-IMAP, started beside Dovecot on the same Maildirs (see courier.ts). */
export interface CourierInfo {
  /** `imap`: STARTTLS required before LOGIN; `imaps`: implicit TLS with the run's certificate. */
  ports: { imap: number; imaps: number };
  pid: number;
  /** The userdb text file (mode 0600); courier.ts's addCourierUser adds to it. */
  userdb: string;
  logs: {
    /** imaplogin and imapd: LOGIN, LOGIN FAILED, LOGOUT lines. */
    imap: string;
    auth: string;
    stdio: string;
  };
}

export interface MailServerInfo {
  /** Temporary directory holding every file of this server. */
  dir: string;
  host: '127.0.0.1';
  domain: 'example.test';
  ports: MailServerPorts;
  /** PEM of the per-run CA that signed the server certificate. */
  caPem: string;
  caFile: string;
  /** PEM of the unrelated CA behind the *Untrusted ports. */
  untrustedCaPem: string;
  users: MailUser[];
  /**
   * Mailbox that receives everything sent to other domains (nothing ever
   * leaves the machine): log in as this user to see what "went out".
   */
  sink: MailUser;
  /**
   * The one address authenticated submission refuses at RCPT TO ("550 5.1.1 <it>: Recipient
   * address rejected: Refused by the test bed's block list"); port 25 is unchanged.
   */
  refusedRecipient: string;
  /** Dovecot config file, for `doveadm -c`. */
  dovecotConf: string;
  /** Postfix config directory, for `postfix -c` / `postqueue -c`. */
  postfixConfigDir: string;
  /** Root of the Maildirs: `${mailRoot}/${domain}/${name}/Maildir`. */
  mailRoot: string;
  pids: { dovecot: number; postfix: number };
  logs: MailServerLogs;
  imapServer: ImapServerInfo;
  /** Present when started with `courier: true`; `imapServerView(info, 'courier')` points the ports at it. */
  courier?: CourierInfo;
  /**
   * The OAuth2 test provider (test/support/oauth-server.ts) whose tokens Dovecot (IMAP, and SMTP
   * submission through Dovecot's auth) accepts with XOAUTH2 and OAUTHBEARER.
   */
  oauth: { url: string };
}

export interface MailServer extends MailServerInfo {
  /** Stops both daemons, waits until they are gone, removes `dir`. */
  stop(): Promise<void>;
  /** The plain-data part, for `project.provide`. */
  info(): MailServerInfo;
}

export interface StartMailServerOptions {
  users?: { name: string; password: string; storageQuota?: string }[];
  /** Also start Courier-IMAP on the same Maildirs (needs install.sh's unpacked courier-imap). */
  courier?: boolean;
  /**
   * How Courier's IDLE learns of changes: 'gamin' (default) at once (IMAP_ENHANCEDIDLE=1); 'poll'
   * only every 60 s, Debian's default, the "lazy IDLE" a client must live with. Either way the
   * run has its own gam_server.
   */
  courierIdle?: 'gamin' | 'poll';
  /** Readiness timeout per daemon (ms). Default 20 s. */
  readyTimeoutMs?: number;
}
