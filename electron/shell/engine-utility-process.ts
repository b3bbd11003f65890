// An Electron utility process as an EngineChannel: the Electron shell's engine runs there
// (dist/engine-utility.cjs), with V8 flags of its own, so the main process that answers the
// window's IPC and draws its menus never waits on a FETCH being parsed. Only the types come from
// 'electron': main.ts forks the process and hands it here.
import type { UtilityProcess } from 'electron';
import type { EngineChannel, FromEngine, ToEngine } from './engine-wire';

export function utilityEngineChannel(child: UtilityProcess): EngineChannel {
  let alive = true;
  child.once('exit', () => (alive = false));
  return {
    post: (message: ToEngine) => {
      if (alive) child.postMessage(message);
    },
    onMessage: (listener) => child.on('message', (message: unknown) => listener(message as FromEngine)),
    onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
    kill: () => {
      if (alive) child.kill();
    },
  };
}
