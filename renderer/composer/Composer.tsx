// The composer (role=dialog "Compose"). Send hands the draft to `onSend` (the engine's outbox);
// when that fails, the draft stays open with the reason shown, so nothing typed is lost.
// Files can be attached with the button, by dropping them anywhere on the composer, or by pasting.
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMethodName } from '../../shared/contract';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { useDraftAutosave, type SavedAttachments } from './use-draft-autosave';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';
import { AttachmentChips } from './AttachmentChips';
import type { ComposeDraft } from './compose-draft';
import { ComposerBody, type ComposerBodyHandle } from './ComposerBody';
import { useAttachmentIntake } from './use-attachment-intake';
import { useFileDrop } from './use-file-drop';
import { shortcutCommand } from './editor-commands';
import './composer.css';

/** How long typing may pause before the draft is saved. */
const AUTOSAVE_MS = 2_000;

interface ComposerProps {
  initial: ComposeDraft;
  accounts: readonly Account[];
  onClose: () => void;
  /** Puts the draft into the outbox; a rejection keeps the composer open with its reason. */
  onSend?: (draft: ComposeDraft) => Promise<void>;
  /** The keymap's send shortcut (Ctrl/Cmd+Enter, or Cmd+Shift+D with the Apple Mail keys). */
  isSendKey?: (event: KeyboardEvent<HTMLDivElement>) => boolean;
}

export function Composer({ initial, accounts, onClose, onSend, isSendKey }: ComposerProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  // Set by any edit. (Comparing the whole draft would mean serializing attachments on every key.)
  const [changed, setChanged] = useState(false);
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<ComposerBodyHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const latest = useRef(draft);
  latest.current = draft;
  const hintId = useId();
  const fieldId = useId();
  const canSend = isMethodName('outbox.send') && onSend !== undefined;
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

  const saveNow = useCallback(
    (toServer: boolean) => drafts.save(latest.current, toServer).then(adoptStored),
    [adoptStored, drafts],
  );

  // Saved in the engine a moment after each change: a crash or a closed window loses nothing.
  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(() => void saveNow(false).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [changed, draft, saveNow]);

  const intake = useAttachmentIntake(
    () => latest.current.attachments,
    (added) => {
      setChanged(true);
      setDraft((previous) => ({ ...previous, attachments: [...previous.attachments, ...added] }));
      // The bytes go to the engine at once, so later saves carry only references.
      setTimeout(() => void saveNow(false).catch(() => undefined), 0);
    },
  );

  /** Closing keeps the draft: it goes to the Drafts mailbox, where every device sees it. */
  const closeKeepingDraft = () => {
    if (changed) void drafts.save(latest.current, true).catch(() => undefined);
    onClose();
  };

  const { dropping, handlers: dropHandlers } = useFileDrop((files) => void intake.addFiles(files));

  const removeAttachment = (index: number) => {
    setChanged(true);
    intake.clearError();
    setDraft((previous) => ({ ...previous, attachments: previous.attachments.filter((_, i) => i !== index) }));
  };

  const discard = () => {
    void drafts.discard().catch(() => undefined);
    onClose();
  };

  // Before the first paint: a key pressed as soon as the composer shows (Escape, typing) must
  // land in it, not in the list it opened from.
  useLayoutEffect(() => {
    if (initial.mode === 'reply' || initial.mode === 'replyAll') {
      bodyRef.current?.focusStart();
    } else {
      toRef.current?.focus();
    }
  }, [initial.mode]);

  const title = {
    new: t('composer.newTitle'),
    reply: t('composer.replyTitle'),
    replyAll: t('composer.replyTitle'),
    forward: t('composer.forwardTitle'),
  }[draft.mode];

  const update = (change: Partial<ComposeDraft>) => {
    setChanged(true);
    setDraft((previous) => ({ ...previous, ...change }));
  };

  const send = async () => {
    if (!canSend || !onSend || sending) return;
    setSending(true);
    setSendError(null);
    try {
      const draftId = await drafts.settledId();
      await onSend({ ...latest.current, draftId });
      onClose();
    } catch (error) {
      setSendError(errorMessage(error, t) ?? t('common.unknownError'));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Ctrl/Cmd+K means "link" while writing (the editor handles it): never the command palette
    // on top of the composer, whichever field has the focus.
    if (shortcutCommand(event) === 'link') event.preventDefault();
    if (event.key === 'Escape' && !changed) {
      event.preventDefault();
      onClose();
    }
    if (isSendKey ? isSendKey(event) : event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <div
      className={dropping ? 'composer composer-dropping' : 'composer'}
      role="dialog"
      aria-label={t('composer.label')}
      onKeyDown={onKeyDown}
      {...dropHandlers}
    >
      {dropping && (
        <div className="composer-drop-target" aria-hidden="true">
          <Icon name="paperclip" size={24} />
          <span>{t('composer.attachments.dropHere')}</span>
        </div>
      )}
      <div className="composer-titlebar">
        <span className="composer-title">{draft.subject.trim() || title}</span>
        <IconButton icon="close" label={t('common.close')} onClick={closeKeepingDraft} />
      </div>
      <div className="composer-fields">
        {accounts.length > 1 && (
          <div className="composer-field">
            <label htmlFor={`${fieldId}-from`}>{t('composer.from')}</label>
            <select
              id={`${fieldId}-from`}
              value={draft.accountId ?? ''}
              onChange={(event) => update({ accountId: event.target.value })}
            >
              {accounts.map((account) => (
                <option key={account.id} value={account.id}>
                  {account.displayName ? `${account.displayName} <${account.email}>` : account.email}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="composer-field">
          <label htmlFor={`${fieldId}-to`}>{t('composer.to')}</label>
          <input
            ref={toRef}
            id={`${fieldId}-to`}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={draft.to}
            onChange={(event) => update({ to: event.target.value })}
          />
        </div>
        <div className="composer-field">
          <label htmlFor={`${fieldId}-cc`}>{t('composer.cc')}</label>
          <input
            id={`${fieldId}-cc`}
            type="text"
            inputMode="email"
            autoComplete="off"
            spellCheck={false}
            value={draft.cc}
            onChange={(event) => update({ cc: event.target.value })}
          />
        </div>
        <div className="composer-field">
          <label htmlFor={`${fieldId}-subject`}>{t('composer.subject')}</label>
          <input
            id={`${fieldId}-subject`}
            type="text"
            value={draft.subject}
            onChange={(event) => update({ subject: event.target.value })}
          />
        </div>
      </div>
      <ComposerBody
        ref={bodyRef}
        format={draft.format}
        body={draft.body}
        onChange={(change) => update(change)}
        onFiles={(files, options) => void intake.addFiles(files, options)}
        attachButton={
          <button
            type="button"
            className="button button-quiet composer-attach"
            tabIndex={draft.format === 'html' ? -1 : 0}
            onClick={() => fileInput.current?.click()}
          >
            <Icon name="paperclip" />
            <span>{t('composer.attachments.add')}</span>
          </button>
        }
      />
      <input
        ref={fileInput}
        type="file"
        multiple
        hidden
        aria-label={t('composer.attachments.add')}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void intake.addFiles(files);
        }}
      />
      <AttachmentChips attachments={draft.attachments} onRemove={removeAttachment} />
      {intake.error !== null && (
        <p className="composer-hint composer-error composer-attachment-error" role="alert">
          {intake.error}
        </p>
      )}
      <div className="composer-footer">
        <button
          type="button"
          className="button button-primary"
          aria-disabled={!canSend || sending}
          aria-describedby={canSend ? undefined : hintId}
          title={canSend ? undefined : t('composer.sendUnavailable')}
          onClick={() => void send()}
        >
          <Icon name="sent" />
          <span>{t('composer.send')}</span>
        </button>
        {!canSend && (
          <span id={hintId} className="composer-hint">
            {t('composer.sendUnavailable')}
          </span>
        )}
        {sendError !== null && (
          <span className="composer-hint composer-error" role="alert">
            {t('composer.sendFailed', { reason: sendError })}
          </span>
        )}
        <button type="button" className="button button-quiet composer-discard" onClick={discard}>
          <Icon name="trash" />
          <span>{t('composer.discard')}</span>
        </button>
      </div>
    </div>
  );
}
