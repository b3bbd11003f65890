// The draft being written, and the rule that it is never lost: saved in the engine a moment
// after each change (a crash or a closed window loses nothing), its attachments' bytes handed
// over at once (later saves then carry only references), kept in the Drafts mailbox on close,
// discarded everywhere on discard. The engine side of each save is use-draft-autosave.ts.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ComposeAttachment } from '../../shared/compose';
import { useTransport } from '../app/app-services';
import type { ComposeDraft } from './compose-draft';
import { type SavedAttachments, useDraftAutosave } from './use-draft-autosave';

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 2_000;

export interface ComposerDraft {
  draft: ComposeDraft;
  /** Set by any edit. (Comparing the whole draft would mean serializing attachments on every key.) */
  changed: boolean;
  update: (change: Partial<ComposeDraft>) => void;
  addAttachments: (added: ComposeAttachment[]) => void;
  removeAttachment: (index: number) => void;
  /** The draft as last rendered, for reads after a render (timers, sending). */
  latest: () => ComposeDraft;
  /** Closing keeps the draft: it goes to the Drafts mailbox, where every device sees it. */
  keep: () => void;
  discard: () => void;
  /** The engine's id of the draft once pending saves are done, so the sent message replaces it. */
  settledId: () => Promise<string | null>;
}

export function useComposerDraft(initial: ComposeDraft): ComposerDraft {
  const [draft, setDraft] = useState(initial);
  const [changed, setChanged] = useState(false);
  const rendered = useRef(draft);
  useLayoutEffect(() => {
    rendered.current = draft;
  }, [draft]);
  const latest = useCallback(() => rendered.current, []);
  const drafts = useDraftAutosave(useTransport(), initial.draftId ?? null);

  /** Once the engine holds the bytes, keep only its references (each save then moves no bytes). */
  const adoptStored = useCallback((saved: SavedAttachments | null) => {
    if (!saved || saved.sent.length !== saved.stored.length) return;
    setDraft((previous) => ({
      ...previous,
      attachments: previous.attachments.map((a) => {
        const at = saved.sent.indexOf(a);
        return at >= 0 ? saved.stored[at]! : a;
      }),
    }));
  }, []);

  const saveLocally = useCallback(
    () =>
      void drafts
        .save(rendered.current, false)
        .then(adoptStored)
        .catch(() => undefined),
    [adoptStored, drafts],
  );

  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(saveLocally, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [changed, draft, saveLocally]);

  const update = useCallback((change: Partial<ComposeDraft>) => {
    setChanged(true);
    setDraft((previous) => ({ ...previous, ...change }));
  }, []);

  const addAttachments = useCallback(
    (added: ComposeAttachment[]) => {
      setChanged(true);
      setDraft((previous) => ({ ...previous, attachments: [...previous.attachments, ...added] }));
      // The bytes go to the engine at once, so later saves carry only references.
      setTimeout(saveLocally, 0);
    },
    [saveLocally],
  );

  const removeAttachment = useCallback((index: number) => {
    setChanged(true);
    setDraft((previous) => ({ ...previous, attachments: previous.attachments.filter((_, i) => i !== index) }));
  }, []);

  return {
    draft,
    changed,
    update,
    addAttachments,
    removeAttachment,
    latest,
    keep: () => {
      if (changed) void drafts.save(rendered.current, true).catch(() => undefined);
    },
    discard: () => void drafts.discard().catch(() => undefined),
    settledId: drafts.settledId,
  };
}
