// Entry point of the engine's process in the Electron shell (dist/engine-utility.cjs, forked by
// main.ts as a utility process): the MailService behind the parent port. The same host as the
// browser shell's child process (shell/engine-host.ts); only the port differs. Never imports
// 'electron': process.parentPort is all a utility process needs.
import { createMailService } from './core/service';
import { runEngineHost } from './shell/engine-host';
import { watchEngineMemory } from './shell/engine-memory';
import type { FromEngine, ToEngine } from './shell/engine-wire';

const port = process.parentPort;

runEngineHost(
  {
    post: (message: FromEngine) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (event) => listener(event.data as ToEngine)),
  },
  // V8 for speed while a large sync runs, for size otherwise (shell/engine-memory.ts)
  (options) => createMailService(options).then((service) => (watchEngineMemory(service, process.env), service)),
  // the close answer is posted; a moment for it to leave, then end (main kills us after its timeout anyway)
  () => setTimeout(() => process.exit(0), 200),
);
