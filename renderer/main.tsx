// Entry point: connect to the mail engine (Electron bridge or WebSocket, whichever this
// window has), ask for what the first screen shows while the UI's code loads, and start the UI.
import { createTransport } from './transport';
import { provideFirstScreen, readFirstScreen } from './app/first-screen';

/**
 * How long the window waits for the first screen's data before it is drawn anyway (the engine
 * slow to answer, or not there): then the hooks read it themselves, as they always can.
 */
const FIRST_SCREEN_WAIT_MS = 400;

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const transport = await createTransport();
  // The UI's code is a chunk of its own (loaded in parallel, see index.html's module preloads):
  // the engine is asked while the browser parses and runs it.
  const app = import('./app/mount-app');
  const firstScreen = readFirstScreen(transport).then(provideFirstScreen, () => undefined);
  const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS));
  const [{ mountApp }] = await Promise.all([app, Promise.race([firstScreen, waited])]);
  mountApp(container, transport);
}

void start();
