// What the OS (or the browser shell's address) asks the window to open: a mailto: link opens
// the composer filled from it, the tray's Compose an empty one, an .eml file its reading window. Taken once the accounts are
// known, so the draft has an account to send from; the desktop shell keeps requests waiting
// until then (shell/launch-queue.ts) and says when a new one comes (desktop.requested).
import { useCallback, useEffect, useRef } from 'react';
import type { LaunchRequest } from '../../shared/contract-desktop';
import type { Account, AccountId } from '../../shared/domain';
import { parseMailto } from '../../shared/mailto';
import type { ComposeDraft } from '../composer/compose-draft';
import { draftFromMailto } from '../composer/mailto-draft';
import { WRITE_TO_EVENT } from '../message-view/link-menu';
import { useTransport } from './app-services';
import { takeMailtoParam } from './mailto-param';
import { useTransportEvent } from './use-transport-event';

export interface LaunchTargets {
  compose: (accountId: AccountId | null) => void;
  reopen: (draft: ComposeDraft) => void;
  /** An .eml file's bytes, for its reading window. */
  openEml: (fileName: string, dataBase64: string) => Promise<void>;
}

export function useLaunchRequests(loadedAccounts: readonly Account[] | null, composer: LaunchTargets): void {
  const transport = useTransport();
  const ready = loadedAccounts !== null;
  const latest = useRef({ accounts: loadedAccounts ?? [], composer });
  useEffect(() => {
    latest.current = { accounts: loadedAccounts ?? [], composer };
  });

  const handle = useCallback((request: LaunchRequest) => {
    const { accounts, composer: target } = latest.current;
    const account = accounts[0];
    if (request.kind === 'compose') {
      target.compose(account?.id ?? null);
      return;
    }
    if (request.kind === 'eml') {
      void target.openEml(request.fileName, request.dataBase64);
      return;
    }
    const fields = parseMailto(request.url);
    if (fields) target.reopen(draftFromMailto(fields, account?.id ?? null, account?.signature));
  }, []);

  const take = useCallback(() => {
    transport.invoke('desktop.takeRequests', {}).then(
      (requests) => requests.forEach(handle),
      () => undefined, // an engine without the desktop methods has nothing waiting
    );
  }, [transport, handle]);

  const started = useRef(false);
  useEffect(() => {
    if (!ready || started.current) return;
    started.current = true;
    const fromAddress = takeMailtoParam(window);
    if (fromAddress) handle({ kind: 'mailto', url: fromAddress });
    take();
  }, [ready, handle, take]);

  // "Write to…" on a mailto: link in a message (message-view/link-menu.ts)
  useEffect(() => {
    const onWriteTo = (event: Event) => {
      const url = (event as CustomEvent<unknown>).detail;
      if (typeof url === 'string') handle({ kind: 'mailto', url });
    };
    window.addEventListener(WRITE_TO_EVENT, onWriteTo);
    return () => window.removeEventListener(WRITE_TO_EVENT, onWriteTo);
  }, [handle]);

  useTransportEvent('desktop.requested', () => {
    if (started.current) take();
  });
}
