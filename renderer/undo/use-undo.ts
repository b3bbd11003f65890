// The undo stack and its toast. Actions record what they did; z (or Ctrl/Cmd+Z, or the
// toast's button) pops the last one and runs its inverse through the contract.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { MessageId } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { type FlagRestore, type UndoEntry, UndoStack, inverseCalls, waitForServerUids } from './undo-model';

export type UndoToast =
  | { kind: 'done'; entry: UndoEntry }
  /** Deleted from Trash: gone for good, nothing to undo. */
  | { kind: 'permanent'; count: number }
  | { kind: 'undoing'; entry: UndoEntry }
  | { kind: 'undone'; entry: UndoEntry }
  | { kind: 'nothing' }
  | { kind: 'failed'; entry: UndoEntry; reason: string | null };

const SHOW_MS: Record<UndoToast['kind'], number> = {
  done: 8_000,
  permanent: 8_000,
  undoing: 30_000,
  undone: 4_000,
  nothing: 2_500,
  failed: 10_000,
};

export interface UndoHooks {
  /** Shows restored flags at once, before the engine confirms them. */
  patchFlags: (restore: FlagRestore) => void;
  /** Messages are back where they were (e.g. to select them again). */
  restored: (entry: UndoEntry) => void;
}

export interface UndoController {
  toast: (UndoToast & { key: number }) | null;
  record: (entry: UndoEntry) => void;
  permanent: (count: number) => void;
  undo: () => Promise<void>;
  dismiss: () => void;
  canUndo: boolean;
}

export function useUndo(hooks: UndoHooks): UndoController {
  const transport = useTransport();
  const stack = useRef(new UndoStack());
  const [toast, setToast] = useState<(UndoToast & { key: number }) | null>(null);
  const [size, setSize] = useState(0);
  const keyRef = useRef(0);
  const hooksRef = useRef(hooks);
  useEffect(() => {
    hooksRef.current = hooks;
  });

  const show = useCallback((next: UndoToast) => {
    keyRef.current += 1;
    setToast({ ...next, key: keyRef.current });
  }, []);

  useEffect(() => {
    if (!toast) return;
    const timer = window.setTimeout(
      () => setToast((current) => (current?.key === toast.key ? null : current)),
      SHOW_MS[toast.kind],
    );
    return () => window.clearTimeout(timer);
  }, [toast]);

  const record = useCallback(
    (entry: UndoEntry) => {
      stack.current.push(entry);
      setSize(stack.current.size);
      show({ kind: 'done', entry });
    },
    [show],
  );

  const permanent = useCallback((count: number) => show({ kind: 'permanent', count }), [show]);

  const busy = useRef(false);
  const undo = useCallback(async () => {
    if (busy.current) return;
    const entry = stack.current.pop();
    setSize(stack.current.size);
    if (!entry) {
      show({ kind: 'nothing' });
      return;
    }
    busy.current = true;
    show({ kind: 'undoing', entry });
    try {
      if (entry.kind === 'move') {
        const ids: MessageId[] = entry.moves.flatMap((move) => move.ids);
        await waitForServerUids((wanted) => transport.invoke('messages.get', { ids: wanted }), ids);
      } else {
        for (const restore of entry.restores) hooksRef.current.patchFlags(restore);
      }
      for (const call of inverseCalls(entry)) {
        if (call.method === 'messages.move') await transport.invoke('messages.move', call.input);
        else await transport.invoke('messages.setFlags', call.input);
      }
      hooksRef.current.restored(entry);
      show({ kind: 'undone', entry });
    } catch (error) {
      show({ kind: 'failed', entry, reason: errorMessage(error) });
    } finally {
      busy.current = false;
    }
  }, [show, transport]);

  const dismiss = useCallback(() => setToast(null), []);

  return useMemo(
    () => ({ toast, record, permanent, undo, dismiss, canUndo: size > 0 }),
    [toast, record, permanent, undo, dismiss, size],
  );
}
