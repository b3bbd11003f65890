// The composer (role=dialog "Compose"). Send hands the draft to `onSend` (the engine's outbox);
// when that fails, the draft stays open with the reason shown, so nothing typed is lost.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isMethodName } from '../../shared/contract';
import type { Account } from '../../shared/domain';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { useDraftAutosave } from './use-draft-autosave';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';
import type { ComposeDraft } from './compose-draft';
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
  const [sending, setSending] = useState(false);
  const [sendError, setSendError] = useState<string | null>(null);
  const toRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const fieldId = useId();
  const canSend = isMethodName('outbox.send') && onSend !== undefined;
  const drafts = useDraftAutosave(useTransport());
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);

  // Saved in the engine a moment after each change: a crash or a closed window loses nothing.
  useEffect(() => {
    if (!changed) return;
    const timer = setTimeout(() => void drafts.save(draft, false).catch(() => undefined), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [changed, draft, drafts]);

  /** Closing keeps the draft: it goes to the Drafts mailbox, where every device sees it. */
  const closeKeepingDraft = () => {
    if (changed) void drafts.save(draft, true).catch(() => undefined);
    onClose();
  };

  const discard = () => {
    void drafts.discard().catch(() => undefined);
    onClose();
  };

  useEffect(() => {
    if (initial.mode === 'reply' || initial.mode === 'replyAll') {
      bodyRef.current?.focus();
      bodyRef.current?.setSelectionRange(0, 0);
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

  const update = (change: Partial<ComposeDraft>) => setDraft((previous) => ({ ...previous, ...change }));

  const send = async () => {
    if (!canSend || !onSend || sending) return;
    setSending(true);
    setSendError(null);
    try {
      await onSend({ ...draft, draftId: await drafts.settledId() });
      onClose();
    } catch (error) {
      setSendError(errorMessage(error, t) ?? t('common.unknownError'));
    } finally {
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape' && JSON.stringify(draft) === JSON.stringify(initial)) {
      event.preventDefault();
      onClose();
    }
    if (isSendKey ? isSendKey(event) : event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <div className="composer" role="dialog" aria-label={t('composer.label')} onKeyDown={onKeyDown}>
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
      <label htmlFor={`${fieldId}-body`} className="visually-hidden">
        {t('composer.body')}
      </label>
      <textarea
        ref={bodyRef}
        id={`${fieldId}-body`}
        className="composer-body"
        value={draft.body}
        onChange={(event) => update({ body: event.target.value })}
      />
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
