import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { makeCertSet } from './certs';
import { dovecotConfig, dovecotUsersFile, MAIL_GID, MAIL_UID } from './dovecot-config';
import { startPlainFront, startTlsFront, type Front } from './fronts';
import { getFreePorts } from './ports';
import { postfixMainCf, postfixMasterCf } from './postfix-config';
import { preparePostfixQueue } from './postfix-queue';
import { isAlive, killSessionSync, spawnDaemon, tail, terminateDaemon } from './processes';
import { waitForGreeting, type GreetingProbe } from './ready';
import type { MailServer, MailServerInfo, MailServerPorts, MailUser, StartMailServerOptions } from './types';

export type { MailServer, MailServerInfo, MailServerPorts, MailUser, StartMailServerOptions } from './types';

export const DOMAIN = 'example.test';
export const HOST = '127.0.0.1';
/** Source address of the plain IMAP front's upstream connections (see fronts.ts). */
const STRANGER_ADDRESS = '127.0.0.2';

export const DEFAULT_USERS: readonly { name: string; password: string }[] = [
  { name: 'alice', password: 'alice-secret-pw' },
  { name: 'bob', password: 'bob-secret-pw' },
  { name: 'carol', password: 'carol-secret-pw' },
];

/** Servers started by this process and not stopped yet, for the exit hook. */
const running = new Set<{ kill(): void }>();

let exitHookInstalled = false;
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  const killAll = (): void => {
    for (const r of running) r.kill();
  };
  // If the process ends without stop() (crash, forgotten teardown), take the
  // daemons and the temp dir with it. Only synchronous work is possible here.
  process.on('exit', killAll);
  // A fatal signal skips 'exit'. Clean up, then let the signal do what it
  // would have done: re-raise it unless someone else (vitest) handles it.
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      killAll();
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
}

/**
 * Starts a private Dovecot + Postfix pair on free 127.0.0.1 ports, every
 * file under one new temporary directory, nothing under /etc touched.
 * Retries with new ports if one was taken between choosing and binding it.
 */
export async function startMailServer(opts: StartMailServerOptions = {}): Promise<MailServer> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startOnce(opts);
    } catch (e) {
      lastError = e;
      if (!/address already in use|EADDRINUSE/i.test(e instanceof Error ? e.message : String(e))) throw e;
    }
  }
  throw lastError;
}

export function stopMailServer(server: MailServer): Promise<void> {
  return server.stop();
}

async function startOnce(opts: StartMailServerOptions): Promise<MailServer> {
  const readyTimeoutMs = opts.readyTimeoutMs ?? 20_000;
  const t0 = Date.now();
  const debug = (msg: string): void => {
    // MAILSERVER_DEBUG=1 prints how long each phase took.
    if (process.env.MAILSERVER_DEBUG === '1') process.stderr.write(`mailserver: ${msg} at ${Date.now() - t0} ms\n`);
  };

  // mkdtemp makes a 0700 directory; the mail, dovecot, dovenull and postfix
  // users must be able to traverse it and the state directories below.
  const dir = mkdtempSync(join(tmpdir(), 'mailtest-'));
  const d = (...parts: string[]): string => join(dir, ...parts);
  // Postfix's config directory must hold only root-owned files, so the queue
  // and data directories live beside it, not inside it.
  for (const sub of ['', 'log', 'dovecot', 'postfix', 'postfix/conf', 'postfix/queue']) {
    mkdirSync(d(sub), { recursive: true });
    chmodSync(d(sub), 0o755); // explicit: mkdir's mode is filtered by the umask
  }

  const users: MailUser[] = (opts.users ?? DEFAULT_USERS).map((u) => ({
    name: u.name,
    address: `${u.name}@${DOMAIN}`,
    password: u.password,
  }));
  const mailRoot = d('mail');
  const homeOf = (u: MailUser): string => join(mailRoot, DOMAIN, u.name);
  for (const path of [mailRoot, join(mailRoot, DOMAIN), ...users.map(homeOf)]) {
    mkdirSync(path);
    chownSync(path, MAIL_UID, MAIL_GID);
    chmodSync(path, 0o755);
  }

  const free = await getFreePorts(9);
  const port = (): number => free.shift() ?? 0;
  const ports: MailServerPorts = {
    imap: port(),
    imaps: port(),
    pop3s: port(),
    submission: port(),
    submissions: port(),
    smtp: port(),
    imapsUntrusted: port(),
    submissionsUntrusted: port(),
  };
  // Dovecot's own plain IMAP listener, reached through the front on ports.imap.
  const dovecotImap = port();

  const certs = makeCertSet(d('certs'), 'Mail test bed');
  const untrusted = makeCertSet(d('certs-untrusted'), 'Untrusted test bed');
  debug('certificates made');

  const logs = {
    dovecot: d('log', 'dovecot.log'),
    postfix: d('log', 'postfix.log'),
    dovecotStdio: d('log', 'dovecot.stdio.log'),
    postfixStdio: d('log', 'postfix.stdio.log'),
  };
  const baseDir = d('dovecot', 'run');
  const dovecotConf = d('dovecot', 'dovecot.conf');
  const usersFile = d('dovecot', 'users');
  writeFileSync(usersFile, dovecotUsersFile(users, homeOf), { mode: 0o644 });
  writeFileSync(
    dovecotConf,
    dovecotConfig({
      instanceName: `mailtest-${basename(dir).slice('mailtest-'.length)}`,
      baseDir,
      stateDir: d('dovecot', 'state'),
      logFile: logs.dovecot,
      usersFile,
      certFile: certs.certFile,
      keyFile: certs.keyFile,
      ports: { imap: dovecotImap, imaps: ports.imaps, pop3s: ports.pop3s },
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
    ports,
  };
  writeFileSync(join(postfixConfigDir, 'main.cf'), postfixMainCf(pf));
  writeFileSync(join(postfixConfigDir, 'master.cf'), postfixMasterCf(pf));
  // Every Postfix program re-reads a config file in 300 ms sleeps until its
  // mtime is a second old: ~1.3 s per start unless the files look old.
  const past = new Date(Date.now() - 60_000);
  for (const f of ['main.cf', 'master.cf']) utimesSync(join(postfixConfigDir, f), past, past);
  preparePostfixQueue(pf.queueDir, pf.dataDir);

  const keep = process.env.KEEP_MAILSERVER === '1';
  const fronts: Front[] = [];
  const daemons: { name: string; pid: number }[] = [];
  const entry = {
    kill(): void {
      for (const p of daemons) killSessionSync(p.pid, p.pid);
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
  installExitHook();
  running.add(entry);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const t = Date.now();
      const errors: unknown[] = [];
      for (const f of fronts.splice(0)) await f.close().catch((e: unknown) => errors.push(e));
      // Postfix first: it delivers into Dovecot, not the other way round.
      for (const p of [...daemons].reverse()) {
        await terminateDaemon(p.pid, p.pid).catch((e: unknown) => errors.push(e));
      }
      running.delete(entry);
      if (!keep) rmSync(dir, { recursive: true, force: true });
      if (process.env.MAILSERVER_DEBUG === '1') process.stderr.write(`mailserver: stopped in ${Date.now() - t} ms\n`);
      if (errors.length > 0) throw new AggregateError(errors, `stopping mail server in ${dir} failed`);
    })();
    return stopping;
  };

  const diagnostics = (): string =>
    [logs.dovecotStdio, logs.dovecot, logs.postfixStdio, logs.postfix]
      .map((f) => `--- ${f} (tail)\n${tail(f)}`)
      .join('\n');
  const ready = (probes: GreetingProbe[], pid: number): Promise<void[]> =>
    Promise.all(
      probes.map((p) => waitForGreeting(HOST, p, { timeoutMs: readyTimeoutMs, alive: () => isAlive(pid), diagnostics })),
    );

  try {
    // Fronts first: if one of the chosen ports was taken meanwhile, this
    // fails at once with EADDRINUSE and startMailServer retries.
    fronts.push(
      await startPlainFront(ports.imap, HOST, { host: HOST, port: dovecotImap, localAddress: STRANGER_ADDRESS }),
      await startTlsFront(ports.imapsUntrusted, HOST, untrusted, { host: HOST, port: dovecotImap }),
      await startTlsFront(ports.submissionsUntrusted, HOST, untrusted, { host: HOST, port: ports.smtp }),
    );

    // -F keeps Dovecot's master in the foreground, so the spawned pid is the
    // master itself and a child of ours (reaped at once, no zombie). Its
    // session (spawnDaemon: detached) holds every Dovecot process of the run.
    const dovecot = spawnDaemon('dovecot', ['-F', '-c', dovecotConf], logs.dovecotStdio);
    const dovecotPid = dovecot.pid;
    if (dovecotPid === undefined) throw new Error('could not spawn dovecot');
    daemons.push({ name: 'dovecot', pid: dovecotPid });
    await ready(
      [
        // Through the front: a 143-style port must hide LOGIN until STARTTLS.
        { name: 'dovecot imap', port: ports.imap, greeting: /^\* OK .*STARTTLS.*LOGINDISABLED/ },
        { name: 'dovecot imaps', port: ports.imaps, greeting: /^\* OK/, tlsCa: certs.caPem },
        { name: 'dovecot pop3s', port: ports.pop3s, greeting: /^\+OK/, tlsCa: certs.caPem },
      ],
      dovecotPid,
    );
    debug('dovecot ready');

    // The master is spawned directly rather than by `postfix start`, whose
    // `master -w` daemon is re-parented to init and lingers as a zombie for
    // 1-2 s after stopping (seen by `pgrep master`), and whose integrity
    // checks cost ~1.5 s. preparePostfixQueue made the queue directories.
    // -d keeps stderr (our log file) for early fatal errors.
    const master = spawnDaemon('/usr/lib/postfix/sbin/master', ['-d', '-c', postfixConfigDir], logs.postfixStdio);
    const postfixPid = master.pid;
    if (postfixPid === undefined) throw new Error('could not spawn postfix master');
    daemons.push({ name: 'postfix', pid: postfixPid });
    await ready(
      [
        { name: 'postfix smtp', port: ports.smtp, greeting: /^220 / },
        { name: 'postfix submission', port: ports.submission, greeting: /^220 / },
        { name: 'postfix submissions', port: ports.submissions, greeting: /^220 /, tlsCa: certs.caPem },
      ],
      postfixPid,
    );
    debug('postfix ready');

    const info: MailServerInfo = {
      dir,
      host: HOST,
      domain: DOMAIN,
      ports,
      caPem: certs.caPem,
      caFile: certs.caFile,
      untrustedCaPem: untrusted.caPem,
      users,
      dovecotConf,
      postfixConfigDir,
      mailRoot,
      pids: { dovecot: dovecotPid, postfix: postfixPid },
      logs,
    };
    return { ...info, stop, info: () => structuredClone(info) };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
