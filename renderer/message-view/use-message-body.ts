// Loads the open message's body without ever blocking the list: the pane shows a skeleton
// meanwhile, and an answer for a message no longer open is dropped.
import { useCallback, useEffect, useState } from 'react';
import type { MessageBody, MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { useTransportEvent } from '../app/use-transport-event';
import { loadMessageBody, peekMessageBody } from './body-cache';

export type BodyState =
  { status: 'loading' } | { status: 'ready'; body: MessageBody } | { status: 'failed'; error: unknown };

export function useMessageBody(id: MessageId | null): { state: BodyState; retry: () => void } {
  const transport = useTransport();
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<{ id: MessageId; state: BodyState } | null>(null);

  useEffect(() => {
    if (id === null) return;
    let current = true;
    loadMessageBody(transport, id).then(
      (body) => current && setResult({ id, state: { status: 'ready', body } }),
      (error: unknown) => current && setResult({ id, state: { status: 'failed', error } }),
    );
    return () => {
      current = false;
    };
  }, [transport, id, attempt]);

  const retry = useCallback(() => {
    setResult(null);
    setAttempt((value) => value + 1);
  }, []);

  // The engine fetched a body that had failed offline: no error stays that the status bar (now
  // online) contradicts. It comes from the engine's cache, so this costs no server round trip.
  const failedId = result?.state.status === 'failed' ? result.id : null;
  useTransportEvent('message.bodyLoaded', (loaded) => {
    if (loaded.id === failedId && failedId === id) retry();
  });

  const cached = id !== null && !(result && result.id === id) ? peekMessageBody(transport, id) : undefined;
  const state: BodyState =
    result && result.id === id ? result.state : cached ? { status: 'ready', body: cached } : { status: 'loading' };
  return { state, retry };
}
