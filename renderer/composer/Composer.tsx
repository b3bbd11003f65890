// The composer (role=dialog "Compose"). The draft and its saving live in use-composer-draft.ts,
// sending in use-composer-send.ts; this file lays them out and routes the keys. Files can be
// attached with the button, by dropping them anywhere on the composer, or by pasting.
import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { Icon } from '../ui/Icon';
import { IconButton } from '../ui/IconButton';
import { AttachmentChips } from './AttachmentChips';
import type { ComposeDraft } from './compose-draft';
import { ComposerBody, type ComposerBodyHandle } from './ComposerBody';
import { ComposerFields, type ComposerFieldsHandle } from './ComposerFields';
import { ComposerFooter } from './ComposerFooter';
import { shortcutCommand } from './editor-commands';
import { useAttachmentIntake } from './use-attachment-intake';
import type { SendWhen } from './send-draft';
import { useComposerDraft } from './use-composer-draft';
import { useComposerSend } from './use-composer-send';
import { useFileDrop } from './use-file-drop';
import './composer.css';

interface ComposerProps {
  initial: ComposeDraft;
  accounts: readonly Account[];
  onClose: () => void;
  /** Puts the draft into the outbox; a rejection keeps the composer open with its reason. */
  onSend?: (draft: ComposeDraft, when?: SendWhen) => Promise<void>;
  /** The keymap's send shortcut (Ctrl/Cmd+Enter, or Cmd+Shift+D with the Apple Mail keys). */
  isSendKey?: (event: KeyboardEvent<HTMLDivElement>) => boolean;
}

/** Ctrl/Cmd+Shift+B shows the Bcc field, as in Gmail and Outlook. */
const isBccKey = (event: KeyboardEvent) =>
  (event.metaKey || event.ctrlKey) && event.shiftKey && !event.altKey && event.code === 'KeyB';

export function Composer({ initial, accounts, onClose, onSend, isSendKey }: ComposerProps) {
  const { t } = useTranslation();
  const writing = useComposerDraft(initial);
  const { draft, changed, update } = writing;
  const sending = useComposerSend(writing, onSend, onClose);
  const toRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<ComposerBodyHandle>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const fieldsRef = useRef<ComposerFieldsHandle>(null);
  const intake = useAttachmentIntake(() => writing.latest().attachments, writing.addAttachments);
  const { dropping, handlers: dropHandlers } = useFileDrop((files) => void intake.addFiles(files));

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

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    // Ctrl/Cmd+K means "link" while writing (the editor handles it): never the command palette
    // on top of the composer, whichever field has the focus.
    if (shortcutCommand(event) === 'link') event.preventDefault();
    if (isBccKey(event)) {
      event.preventDefault();
      fieldsRef.current?.showBcc();
    }
    if (event.key === 'Escape' && !changed) {
      event.preventDefault();
      onClose();
    }
    if (isSendKey ? isSendKey(event) : event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
      event.preventDefault();
      void sending.send();
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
        <IconButton
          icon="close"
          label={t('common.close')}
          onClick={() => {
            writing.keep();
            onClose();
          }}
        />
      </div>
      <ComposerFields draft={draft} accounts={accounts} update={update} toRef={toRef} handle={fieldsRef} />
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
      <AttachmentChips
        attachments={draft.attachments}
        onRemove={(index) => {
          intake.clearError();
          writing.removeAttachment(index);
        }}
      />
      {intake.error !== null && (
        <p className="composer-hint composer-error composer-attachment-error" role="alert">
          {intake.error}
        </p>
      )}
      <ComposerFooter
        sending={sending}
        onDiscard={() => {
          writing.discard();
          onClose();
        }}
      />
    </div>
  );
}
