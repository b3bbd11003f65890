import { execFile } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
  type PathLike,
} from 'node:fs';
import { join } from 'node:path';
import {
  COMPILED_ETC,
  COMPILED_RUN,
  COURIER_FOLDERS,
  COURIER_IMAPD,
  MAILDIR_QUOTA,
  courierAuthdaemonrc,
  courierFamId,
  courierImapEnv,
  courierStartScript,
  courierUserdbLine,
} from './courier-config';
import { MAIL_GID, MAIL_UID } from './dovecot-config';
import type { CertSet } from './certs';
import type { CourierInfo, MailUser } from './types';

/**
 * Courier-IMAP beside Dovecot, on the SAME Maildir++ tree: Postfix delivers through Dovecot's
 * LMTP and both servers see the message (each keeps its own UID list, courierimapuiddb and
 * dovecot-uidlist, and both keep flags in the file names). A folder made by one is seen by the
 * other; Courier names it "INBOX.<name>", Dovecot here "<name>".
 */

export interface CourierFiles {
  /** Mounted over /etc/courier inside the namespace. */
  etcDir: string;
  /** Mounted over /run/courier inside the namespace (authdaemond's socket). */
  runDir: string;
  userdb: string;
  script: string;
  logs: CourierInfo['logs'];
}

export function courierInstalled(): boolean {
  return existsSync(COURIER_IMAPD);
}

/** Writes Courier's files for one run under `<dir>/courier`; users get their Maildirs. */
export async function writeCourierLayout(
  dir: string,
  c: {
    users: readonly MailUser[];
    homeOf: (u: MailUser) => string;
    certs: CertSet;
    ports: { imap: number; imaps: number };
    logDir: string;
    idle: 'gamin' | 'poll';
  },
): Promise<CourierFiles> {
  if (!courierInstalled()) {
    throw new Error(`Courier-IMAP is not unpacked at ${COURIER_IMAPD}: run test/mailserver/install.sh as root`);
  }
  if (!existsSync(COMPILED_ETC)) {
    throw new Error(`${COMPILED_ETC} is missing: is courier-base installed? (test/mailserver/install.sh)`);
  }
  // A mount point must exist. /run is a tmpfs that systemd-tmpfiles fills at boot, which a
  // container may never run: an empty directory is all that is needed.
  mkdirSync(COMPILED_RUN, { recursive: true });
  const root = join(dir, 'courier');
  const etcDir = join(root, 'etc');
  const runDir = join(root, 'run');
  for (const d of [root, etcDir, runDir, join(runDir, 'authdaemon')]) {
    mkdirSync(d, { recursive: true });
    chmodSync(d, 0o755);
  }
  const logs: CourierInfo['logs'] = {
    imap: join(c.logDir, 'courier-imap.log'),
    auth: join(c.logDir, 'courier-authdaemon.log'),
    stdio: join(c.logDir, 'courier.stdio.log'),
  };
  writeFileSync(join(etcDir, 'authdaemonrc'), courierAuthdaemonrc(), { mode: 0o644 });
  // couriertls reads the key and the certificate from one file. The one imapd starts for
  // STARTTLS no longer runs as root: with a root-only file it failed ("Permission denied") and
  // the client saw the connection drop. It belongs to the courier user (made by courier-base).
  const pemFile = join(etcDir, 'imapd.pem');
  writeFileSync(pemFile, readFileSync(c.certs.keyFile, 'utf8') + readFileSync(c.certs.certFile, 'utf8'), {
    mode: 0o600,
  });
  const courierUser = systemUser('courier');
  chownSync(pemFile, courierUser.uid, courierUser.gid);

  const userdb = join(etcDir, 'userdb');
  // makeuserdb refuses a userdb that group or others may read.
  writeFileSync(userdb, c.users.map((u) => courierUserdbLine(u, c.homeOf(u), MAIL_UID, MAIL_GID)).join(''), {
    mode: 0o600,
  });
  await makeUserdb(userdb);
  for (const u of c.users) makeCourierMaildir(c.homeOf(u));

  // Two test beds (or two engineers' runs) each talk to their own gam_server.
  // Started in either mode: imapd talks to gamin even with enhanced IDLE off, and would otherwise
  // spawn a gam_server of its own, outside the run's session.
  const famId = courierFamId(c.ports);
  const enhancedIdle = c.idle === 'gamin';
  const script = join(root, 'start.sh');
  writeFileSync(
    script,
    courierStartScript({
      etcDir,
      runDir,
      authLog: logs.auth,
      imapLog: logs.imap,
      fam: { id: famId, uid: MAIL_UID, gid: MAIL_GID, log: logs.stdio },
      listeners: [
        { port: c.ports.imaps, tls: true, env: courierImapEnv({ pemFile, tls: true, famId, enhancedIdle }) },
        { port: c.ports.imap, tls: false, env: courierImapEnv({ pemFile, tls: false, famId, enhancedIdle }) },
      ],
    }),
    { mode: 0o644 },
  );
  return { etcDir, runDir, userdb, script, logs };
}

/** uid and gid of a system account, from /etc/passwd. */
function systemUser(name: string): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith(`${name}:`));
  const [, , uid, gid] = line?.split(':') ?? [];
  if (uid === undefined || gid === undefined) throw new Error(`no ${name} user: is courier-base installed?`);
  return { uid: Number(uid), gid: Number(gid) };
}

/** The socket authdaemond makes once it is ready to answer, seen from outside the namespace. */
export function authdaemonSocket(files: Pick<CourierFiles, 'runDir'>): string {
  return join(files.runDir, 'authdaemon', 'socket');
}

/**
 * A new user for a running Courier: Maildir, then a userdb line and a rebuilt userdb.dat, which
 * authdaemond reads on the next login (no restart). makeuserdb locks the userdb while it reads
 * and writes, so users added by two test workers at once both end up in it.
 */
export async function addCourierUser(courier: Pick<CourierInfo, 'userdb'>, user: MailUser, home: string) {
  makeCourierMaildir(home);
  appendFileSync(courier.userdb, courierUserdbLine(user, home, MAIL_UID, MAIL_GID));
  await makeUserdb(courier.userdb);
}

function makeUserdb(userdb: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile('makeuserdb', ['-f', userdb], { timeout: 30_000 }, (err, _stdout, stderr) => {
      if (err) reject(new Error(`makeuserdb -f ${userdb} failed: ${stderr.trim() || err.message}`));
      else resolve();
    });
  });
}

/**
 * Courier does not create a Maildir (a login without one fails), and without SPECIAL-USE it has
 * no folders of its own: make INBOX and the Maildir++ folders ".Drafts" etc. ("INBOX.Drafts"),
 * subscribed. Dovecot, configured with the same names, finds them there. Existing ones are kept.
 */
export function makeCourierMaildir(home: string): void {
  const maildir = join(home, 'Maildir');
  const own = (p: PathLike): void => chownSync(p, MAIL_UID, MAIL_GID);
  for (const d of [home, maildir]) {
    mkdirSync(d, { recursive: true, mode: 0o755 });
    own(d);
  }
  const folders = ['', ...COURIER_FOLDERS.map((f) => `.${f}`)];
  for (const folder of folders) {
    const base = join(maildir, folder);
    for (const sub of ['', 'cur', 'new', 'tmp']) {
      const path = join(base, sub);
      if (existsSync(path)) continue;
      mkdirSync(path, { mode: 0o700 });
      own(path);
    }
    // Marks a Maildir++ subfolder (deliverquota and maildrop look for it).
    if (folder && !existsSync(join(base, 'maildirfolder'))) {
      writeFileSync(join(base, 'maildirfolder'), '', { mode: 0o600 });
      own(join(base, 'maildirfolder'));
    }
  }
  const files: [string, string][] = [
    ['courierimapsubscribed', COURIER_FOLDERS.map((f) => `INBOX.${f}\n`).join('')],
    // Maildir++ quota (1 GiB, as Dovecot's quota_rule): Courier's GETQUOTA reports only what
    // this file says, and Dovecot's "maildir" quota backend keeps the same file.
    ['maildirsize', `${MAILDIR_QUOTA}\n`],
  ];
  for (const [name, text] of files) {
    const path = join(maildir, name);
    if (existsSync(path)) continue;
    writeFileSync(path, text, { mode: 0o644 });
    own(path);
  }
}
