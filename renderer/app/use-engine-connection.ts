// Whether the window can reach the mail engine. Only the browser shell's WebSocket can lose
// it (the Electron bridge cannot); every reconnection bumps `epoch`, so what was missed while
// away is read again.
import { useEffect, useState } from 'react';
import { type ConnectionStatus, WebSocketTransport } from '../transport';
import { useTransport } from './app-services';

export interface EngineConnection {
  status: ConnectionStatus;
  /** Counts the times the connection came back after being lost. */
  epoch: number;
}

export function useEngineConnection(): EngineConnection {
  const transport = useTransport();
  const [connection, setConnection] = useState<EngineConnection>({ status: 'online', epoch: 0 });

  useEffect(() => {
    if (!(transport instanceof WebSocketTransport)) return;
    let wasLost = false;
    return transport.onStatus((status) => {
      const regained = status === 'online' && wasLost;
      if (status === 'offline' || status === 'unauthorized') wasLost = true;
      if (status === 'online') wasLost = false;
      setConnection((previous) => ({ status, epoch: regained ? previous.epoch + 1 : previous.epoch }));
    });
  }, [transport]);

  return connection;
}
