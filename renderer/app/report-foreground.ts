// Tells the engine whether the window is in front: while it is, the engine asks the server for
// changes now and then, for servers whose IDLE reports them late (docs/servers.md).
import type { Transport } from '../../shared/contract';

export function reportForeground(transport: Transport, win: Window = window): () => void {
  let last: boolean | null = null;
  const report = (): void => {
    const foreground = win.document.visibilityState === 'visible' && win.document.hasFocus();
    if (foreground === last) return;
    last = foreground;
    // An engine that cannot be reached now hears it at the next change.
    transport.invoke('sync.foreground', { foreground }).catch(() => {
      last = null;
    });
  };
  const events = ['focus', 'blur'] as const;
  for (const event of events) win.addEventListener(event, report);
  win.document.addEventListener('visibilitychange', report);
  report();
  return () => {
    for (const event of events) win.removeEventListener(event, report);
    win.document.removeEventListener('visibilitychange', report);
  };
}
