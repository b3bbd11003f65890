// Entry point of the engine's process in the browser shell (dist/engine.mjs, forked by
// shell/engine-process.ts): the MailService behind the parent's IPC channel. It writes nothing
// to stdout; its log lines go to the shell as messages.
import { createMailService } from './core/service';
import { runEngineHost } from './shell/engine-host';
import { watchEngineMemory } from './shell/engine-memory';
import type { FromEngine, ToEngine } from './shell/engine-wire';

let lastSend: Promise<void> = Promise.resolve();
let ending = false;

function exit(): void {
  ending = true;
  // the close answer goes out first; then end, even if a stray handle lingers
  void lastSend.then(() => {
    if (process.connected) process.disconnect();
    setTimeout(() => process.exit(0), 1000).unref();
  });
}

const host = runEngineHost(
  {
    post: (message: FromEngine) => {
      if (!process.connected) return;
      lastSend = new Promise((resolve) => process.send!(message, undefined, {}, () => resolve()));
    },
    onMessage: (listener) => process.on('message', (message) => listener(message as ToEngine)),
  },
  // V8 for speed while a large sync runs, for size otherwise (shell/engine-memory.ts)
  (options) => createMailService(options).then((service) => (watchEngineMemory(service, process.env), service)),
  exit,
);
// the shell died without closing us: close the database and the connections, then end
process.once('disconnect', () => {
  if (!ending) void host.orphaned();
});
