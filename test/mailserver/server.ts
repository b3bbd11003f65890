import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { authdaemonSocket, writeCourierLayout } from './courier';
import { startPlainFront, startTlsFront, type Front } from './fronts';
import { DOMAIN, scratchRoot, writeLayout } from './layout';
import { getFreePorts } from './ports';
import { REFUSED_NAME } from './postfix-config';
import { isAlive, killSessionSync, sleep, spawnDaemon, tail, terminateDaemon } from './processes';
import { waitForGreeting, type GreetingProbe } from './ready';
import { startOAuthServer, type OAuthTestServer } from '../support/oauth-server';
import type { CourierInfo, MailServer, MailServerInfo, MailServerPorts, StartMailServerOptions } from './types';

export type { MailServer, MailServerInfo, MailServerPorts, MailUser, StartMailServerOptions } from './types';
export { DOMAIN } from './layout';

export const HOST = '127.0.0.1';
/** Source address of the plain IMAP front's upstream connections (see fronts.ts). */
const STRANGER_ADDRESS = '127.0.0.2';

export const DEFAULT_USERS: readonly { name: string; password: string }[] = [
  { name: 'alice', password: 'alice-secret-pw' },
  { name: 'bob', password: 'bob-secret-pw' },
  { name: 'carol', password: 'carol-secret-pw' },
];

/** Servers started by this process and not stopped yet, for the exit hooks. */
const running = new Set<{ kill(): void }>();

let exitHooksInstalled = false;
function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
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
 * Starts a private Dovecot + Postfix pair (and, with `courier: true`, a
 * Courier-IMAP on the same Maildirs) on free 127.0.0.1 ports, every
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

/** Exited and reaped by Node: its pid may already belong to someone else. */
function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
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

  const dir = mkdtempSync(join(scratchRoot(), 'mailtest-'));
  const keep = process.env.KEEP_MAILSERVER === '1';
  const fronts: Front[] = [];
  let oauth: OAuthTestServer | undefined;
  const daemons: { name: string; pid: number; child: ChildProcess }[] = [];
  // Each master leads its own session (pid = sid), which holds all its children.
  const entry = {
    kill(): void {
      for (const p of daemons) {
        if (!hasExited(p.child)) killSessionSync(p.pid, p.pid);
      }
      if (!keep) rmSync(dir, { recursive: true, force: true });
    },
  };
  installExitHooks();
  running.add(entry);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      const t = Date.now();
      const errors: unknown[] = [];
      for (const f of fronts.splice(0)) await f.close().catch((e: unknown) => errors.push(e));
      await oauth?.close().catch((e: unknown) => errors.push(e));
      // Reverse start order: Courier, then Postfix (it delivers into Dovecot), then Dovecot.
      for (const p of [...daemons].reverse()) {
        await terminateDaemon(p.pid, p.pid, { exited: hasExited(p.child) }).catch((e: unknown) => errors.push(e));
      }
      running.delete(entry);
      if (!keep) rmSync(dir, { recursive: true, force: true });
      if (process.env.MAILSERVER_DEBUG === '1') process.stderr.write(`mailserver: stopped in ${Date.now() - t} ms\n`);
      if (errors.length > 0) throw new AggregateError(errors, `stopping mail server in ${dir} failed`);
    })();
    return stopping;
  };

  try {
    const free = await getFreePorts(opts.courier ? 12 : 10);
    const port = (): number => free.shift() ?? 0;
    const ports: MailServerPorts = {
      imap: port(),
      imaps: port(),
      pop3s: port(),
      pop3: port(),
      submission: port(),
      submissions: port(),
      smtp: port(),
      imapsUntrusted: port(),
      submissionsUntrusted: port(),
    };
    // Dovecot's own plain IMAP listener, reached through the front on ports.imap.
    const dovecotImap = port();
    // The OAuth2 test provider first: Dovecot's oauth2 passdb is configured with its address.
    oauth = await startOAuthServer();
    const layout = writeLayout(dir, opts.users ?? DEFAULT_USERS, ports, dovecotImap, oauth.url);
    const { logs, certs } = layout;
    const courierPorts = opts.courier ? { imap: port(), imaps: port() } : undefined;
    const courierFiles = courierPorts
      ? await writeCourierLayout(dir, {
          users: [...layout.users, layout.sink],
          homeOf: (u) => join(layout.mailRoot, DOMAIN, u.name),
          certs,
          ports: courierPorts,
          logDir: join(dir, 'log'),
          idle: opts.courierIdle ?? 'gamin',
        })
      : undefined;
    debug('files written');

    const diagnostics = (): string =>
      [
        logs.dovecotStdio,
        logs.dovecot,
        logs.postfixStdio,
        logs.postfix,
        ...(courierFiles ? Object.values(courierFiles.logs) : []),
      ]
        .map((f) => `--- ${f} (tail)\n${tail(f)}`)
        .join('\n');
    const ready = (probes: GreetingProbe[], pid: number): Promise<void[]> =>
      Promise.all(
        probes.map((p) =>
          waitForGreeting(HOST, p, { timeoutMs: readyTimeoutMs, alive: () => isAlive(pid), diagnostics }),
        ),
      );

    // Fronts first: if one of the chosen ports was taken meanwhile, this
    // fails at once with EADDRINUSE and startMailServer retries.
    fronts.push(
      await startPlainFront(ports.imap, HOST, { host: HOST, port: dovecotImap, localAddress: STRANGER_ADDRESS }),
      await startTlsFront(ports.imapsUntrusted, HOST, layout.untrusted, { host: HOST, port: dovecotImap }),
      await startTlsFront(ports.submissionsUntrusted, HOST, layout.untrusted, { host: HOST, port: ports.smtp }),
    );

    // -F keeps Dovecot's master in the foreground, so the spawned pid is the
    // master itself and a child of ours (reaped at once, no zombie).
    const dovecot = spawnDaemon('dovecot', ['-F', '-c', layout.dovecotConf], logs.dovecotStdio);
    const dovecotPid = dovecot.pid;
    if (dovecotPid === undefined) throw new Error('could not spawn dovecot');
    daemons.push({ name: 'dovecot', pid: dovecotPid, child: dovecot });
    await ready(
      [
        // Through the front: a 143-style port must hide LOGIN until STARTTLS.
        { name: 'dovecot imap', port: ports.imap, greeting: /^\* OK .*STARTTLS.*LOGINDISABLED/ },
        { name: 'dovecot imaps', port: ports.imaps, greeting: /^\* OK/, tlsCa: certs.caPem },
        { name: 'dovecot pop3s', port: ports.pop3s, greeting: /^\+OK/, tlsCa: certs.caPem },
        { name: 'dovecot pop3', port: ports.pop3, greeting: /^\+OK/ },
      ],
      dovecotPid,
    );
    debug('dovecot ready');

    // The master is spawned directly rather than by `postfix start`, whose
    // `master -w` daemon is re-parented to init and lingers as a zombie for
    // 1-2 s after stopping (seen by `pgrep master`), and whose integrity
    // checks cost ~1.5 s. writeLayout made the queue directories.
    // -d keeps stderr (our log file) for early fatal errors.
    const master = spawnDaemon(
      '/usr/lib/postfix/sbin/master',
      ['-d', '-c', layout.postfixConfigDir],
      logs.postfixStdio,
    );
    const postfixPid = master.pid;
    if (postfixPid === undefined) throw new Error('could not spawn postfix master');
    daemons.push({ name: 'postfix', pid: postfixPid, child: master });
    await ready(
      [
        { name: 'postfix smtp', port: ports.smtp, greeting: /^220 / },
        { name: 'postfix submission', port: ports.submission, greeting: /^220 / },
        { name: 'postfix submissions', port: ports.submissions, greeting: /^220 /, tlsCa: certs.caPem },
      ],
      postfixPid,
    );
    debug('postfix ready');

    let courier: CourierInfo | undefined;
    if (courierPorts && courierFiles) {
      // unshare(1) execs the script in a new mount namespace (same pid, our child), so the
      // mounts over /etc/courier and /run/courier are private to this run and go with it.
      const child = spawnDaemon(
        'unshare',
        ['--mount', '--propagation', 'private', 'sh', courierFiles.script],
        courierFiles.logs.stdio,
      );
      const courierPid = child.pid;
      if (courierPid === undefined) throw new Error('could not spawn courier');
      daemons.push({ name: 'courier', pid: courierPid, child });
      await ready(
        [
          { name: 'courier imaps', port: courierPorts.imaps, greeting: /^\* OK/, tlsCa: certs.caPem },
          { name: 'courier imap', port: courierPorts.imap, greeting: /^\* OK .*STARTTLS.*LOGINDISABLED/ },
        ],
        courierPid,
      );
      // imaplogin greets before authdaemond listens: a login right after would fail.
      const socket = authdaemonSocket(courierFiles);
      const deadline = Date.now() + readyTimeoutMs;
      while (!existsSync(socket)) {
        if (Date.now() > deadline || !isAlive(courierPid)) {
          throw new Error(`courier authdaemond made no ${socket}\n${diagnostics()}`);
        }
        await sleep(25);
      }
      courier = { ports: courierPorts, pid: courierPid, userdb: courierFiles.userdb, logs: courierFiles.logs };
      debug('courier ready');
    }

    const info: MailServerInfo = {
      dir,
      host: HOST,
      domain: DOMAIN,
      ports,
      caPem: certs.caPem,
      caFile: certs.caFile,
      untrustedCaPem: layout.untrusted.caPem,
      users: layout.users,
      sink: layout.sink,
      refusedRecipient: `${REFUSED_NAME}@${DOMAIN}`,
      dovecotConf: layout.dovecotConf,
      postfixConfigDir: layout.postfixConfigDir,
      mailRoot: layout.mailRoot,
      pids: { dovecot: dovecotPid, postfix: postfixPid },
      logs,
      imapServer: { name: 'dovecot', mailboxPrefix: '', condstore: true },
      oauth: { url: oauth.url },
      ...(courier ? { courier } : {}),
    };
    return { ...info, stop, info: () => structuredClone(info) };
  } catch (e) {
    await stop().catch(() => undefined);
    throw e;
  }
}
