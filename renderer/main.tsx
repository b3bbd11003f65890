// Entry point: connect to the mail engine (Electron bridge or WebSocket, whichever this
// window has) and start the UI.
import { createTransport } from './transport';
import { mountApp } from './app/mount-app';

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const transport = await createTransport();
  mountApp(container, transport);
}

void start();
