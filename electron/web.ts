// Entry point of the browser shell (dist/web.mjs, started by scripts/web.mjs). Prints exactly
// one line to stdout when ready, the URL with its token, so a script can wait for and read it;
// everything else goes to stderr.
import { homedir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createStderrLog } from './shell/log';
import { defaultProfileDir } from './shell/profile-dir';
import { parseWebShellArgs } from './shell/web-args';
import { startWebShell } from './shell/web-shell';

const log = createStderrLog(Boolean(process.env.MAIL_DEBUG));

async function main(): Promise<void> {
  const args = parseWebShellArgs(process.argv.slice(2));
  const profileDir = args.profileDir ?? defaultProfileDir(process.platform, process.env, homedir());
  const shell = await startWebShell({
    profileDir,
    port: args.port,
    host: args.host,
    // dist/web.mjs sits next to dist/renderer/
    rendererDir: fileURLToPath(new URL('./renderer/', import.meta.url)),
    // and next to dist/engine.mjs, the engine's own process
    engineEntry: fileURLToPath(new URL('./engine.mjs', import.meta.url)),
    log,
  });
  log('info', `profile: ${profileDir}`);
  process.stdout.write(`Mail web shell: ${shell.url}\n`);
  let stopping = false;
  // it serves while the engine opens; one that cannot open (a profile in use, a broken
  // database) ends the shell with its reason, as a failure before the line above does (an
  // engine ended by a stop under way is no failure: the stop exits)
  shell.started.catch(async (error: unknown) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`Mail web shell: ${error instanceof Error ? error.message : String(error)}\n`);
    await shell.close().catch(() => undefined);
    process.exit(1);
  });

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log('info', `${signal}: stopping`);
    shell.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log('error', `could not stop cleanly: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`Mail web shell: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
