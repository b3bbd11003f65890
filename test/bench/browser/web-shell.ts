// The browser shell on the synced profile, started the way `npm run web` starts it (scripts/web.mjs
// rebuilds what is stale, then runs dist/web.mjs), trusting the run's CA through NODE_EXTRA_CA_CERTS.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Cleanup } from '../runner/cleanup';

export interface ShellHandle {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startShell(
  root: string,
  profileDir: string,
  caFile: string,
  cleanup: Cleanup,
  /** Added to the shell's environment (MAIL_ENGINE_FLAGS for a profiled engine, say). */
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<ShellHandle> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'scripts', 'web.mjs'), '--profile', profileDir, '--port', '0'],
    {
      cwd: root,
      env: { ...process.env, ...extraEnv, NODE_EXTRA_CA_CERTS: caFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('could not start the web shell');
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = cleanup.add({
    name: `web shell (pid ${pid})`,
    run: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGKILL');
    },
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    // a stale renderer is rebuilt first: that can take a while on a busy machine
    const timer = setTimeout(() => reject(new Error(`the web shell did not start in 5 min: ${stderr}`)), 300_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /^Mail web shell: (http:\/\/127\.0\.0\.1:\d+\/#token=\S+)$/m.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`the web shell exited: ${stderr}`));
    });
  });
  return { url, pid, stop };
}
