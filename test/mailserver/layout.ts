import { accessSync, chmodSync, chownSync, constants, mkdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { makeCertSet, type CertSet } from './certs';
import { dovecotConfig, dovecotUsersFile, MAIL_GID, MAIL_UID } from './dovecot-config';
import { dovecotOAuth2Ext } from './dovecot-oauth2';
import {
  postfixMainCf,
  postfixMasterCf,
  postfixRefusedRecipients,
  postfixSinkMap,
  REFUSED_NAME,
} from './postfix-config';
import { preparePostfixQueue } from './postfix-queue';
import type { MailServerLogs, MailServerPorts, MailUser } from './types';

export const DOMAIN = 'example.test';
/** Local part of the mailbox that collects mail to other domains. */
export const SINK_NAME = 'outbound';

/** Every file of one server run, written and ready for the daemons to start. */
export interface Layout {
  dir: string;
  users: MailUser[];
  /** Mailbox that receives everything sent to other domains. */
  sink: MailUser;
  mailRoot: string;
  certs: CertSet;
  untrusted: CertSet;
  logs: MailServerLogs;
  dovecotConf: string;
  postfixConfigDir: string;
}

/**
 * Where the temp directory goes: MAILSERVER_TMPDIR, else /dev/shm (tmpfs)
 * when usable, else the OS temp dir. Creating a file on this machine's ext4
 * costs 0.1-1.5 ms (more while other jobs write), on tmpfs ~20 µs: the
 * difference between ~5 s and ~60 s for populating 50,000 messages.
 */
export function scratchRoot(): string {
  const configured = process.env.MAILSERVER_TMPDIR;
  if (configured) return configured;
  try {
    accessSync('/dev/shm', constants.W_OK | constants.X_OK);
    if (statSync('/dev/shm').isDirectory()) return '/dev/shm';
  } catch {
    // No usable /dev/shm (not Linux, or a read-only container): fall through.
  }
  return tmpdir();
}

/**
 * Writes the directory tree, certificates, users and both daemons'
 * configuration into `dir` (an empty directory made by the caller).
 * `dovecotImap` is Dovecot's own plain IMAP port, behind the front on
 * ports.imap (see fronts.ts).
 */
export function writeLayout(
  dir: string,
  userSpecs: readonly { name: string; password: string; storageQuota?: string }[],
  ports: MailServerPorts,
  dovecotImap: number,
  /** The test authorization server (test/support/oauth-server.ts): Dovecot introspects tokens there. */
  oauthUrl?: string,
): Layout {
  const d = (...parts: string[]): string => join(dir, ...parts);
  // mkdtemp made `dir` 0700; the mail, dovecot, dovenull and postfix users
  // must traverse it and the state directories below. Postfix's config
  // directory must hold only root-owned files, so the queue and data
  // directories live beside it, not inside it.
  for (const sub of ['', 'log', 'dovecot', 'postfix', 'postfix/conf', 'postfix/queue']) {
    mkdirSync(d(sub), { recursive: true });
    chmodSync(d(sub), 0o755); // explicit: mkdir's mode is filtered by the umask
  }

  const users: MailUser[] = userSpecs.map((u) => ({
    name: u.name,
    address: `${u.name}@${DOMAIN}`,
    password: u.password,
    ...(u.storageQuota ? { storageQuota: u.storageQuota } : {}),
  }));
  const sink: MailUser = { name: SINK_NAME, address: `${SINK_NAME}@${DOMAIN}`, password: 'outbound-sink-pw' };
  if (users.some((u) => u.name === SINK_NAME)) throw new Error(`user name ${SINK_NAME} is reserved for the sink`);
  if (users.some((u) => u.name === REFUSED_NAME))
    throw new Error(`user name ${REFUSED_NAME} is reserved: submission refuses it`);
  const mailRoot = d('mail');
  const homeOf = (u: MailUser): string => join(mailRoot, DOMAIN, u.name);
  for (const path of [mailRoot, join(mailRoot, DOMAIN), ...[...users, sink].map(homeOf)]) {
    mkdirSync(path);
    chownSync(path, MAIL_UID, MAIL_GID);
    chmodSync(path, 0o755);
  }

  const certs = makeCertSet(d('certs'), 'Mail test bed');
  const untrusted = makeCertSet(d('certs-untrusted'), 'Untrusted test bed');

  const logs: MailServerLogs = {
    dovecot: d('log', 'dovecot.log'),
    postfix: d('log', 'postfix.log'),
    dovecotStdio: d('log', 'dovecot.stdio.log'),
    postfixStdio: d('log', 'postfix.stdio.log'),
  };
  const baseDir = d('dovecot', 'run');
  const dovecotConf = d('dovecot', 'dovecot.conf');
  const usersFile = d('dovecot', 'users');
  writeFileSync(usersFile, dovecotUsersFile([...users, sink], homeOf), { mode: 0o644 });
  const oauth2ExtFile = oauthUrl ? d('dovecot', 'dovecot-oauth2.conf.ext') : undefined;
  if (oauthUrl && oauth2ExtFile)
    writeFileSync(oauth2ExtFile, dovecotOAuth2Ext(`${oauthUrl}/introspect`), { mode: 0o644 });
  writeFileSync(
    dovecotConf,
    dovecotConfig({
      instanceName: basename(dir),
      baseDir,
      stateDir: d('dovecot', 'state'),
      logFile: logs.dovecot,
      usersFile,
      certFile: certs.certFile,
      keyFile: certs.keyFile,
      ports: { imap: dovecotImap, imaps: ports.imaps, pop3s: ports.pop3s, pop3: ports.pop3 },
      ...(oauth2ExtFile ? { oauth2ExtFile } : {}),
    }),
    { mode: 0o644 },
  );

  const postfixConfigDir = d('postfix', 'conf');
  const pf = {
    queueDir: d('postfix', 'queue'),
    dataDir: d('postfix', 'data'),
    logFile: logs.postfix,
    logDir: d('log'),
    certFile: certs.certFile,
    keyFile: certs.keyFile,
    lmtpSocket: join(baseDir, 'lmtp'),
    authSocket: join(baseDir, 'auth-postfix'),
    domain: DOMAIN,
    sinkAddress: sink.address,
    sinkMap: join(postfixConfigDir, 'outbound.regexp'),
    refusedMap: join(postfixConfigDir, 'refused.texthash'),
    ports,
  };
  const past = new Date(Date.now() - 60_000);
  for (const [file, text] of [
    ['main.cf', postfixMainCf(pf)],
    ['master.cf', postfixMasterCf(pf)],
    ['outbound.regexp', postfixSinkMap(DOMAIN, sink.address)],
    ['refused.texthash', postfixRefusedRecipients(DOMAIN)],
  ] as const) {
    writeFileSync(join(postfixConfigDir, file), text);
    // Every Postfix program re-reads a config file in 300 ms sleeps until
    // its mtime is a second old: ~1.3 s per start unless it looks old.
    utimesSync(join(postfixConfigDir, file), past, past);
  }
  preparePostfixQueue(pf.queueDir, pf.dataDir);

  return { dir, users, sink, mailRoot, certs, untrusted, logs, dovecotConf, postfixConfigDir };
}
