// The message actions above the reading pane. Each applies to the selected messages (or the
// open one); the caller turns them into `messages.*` calls.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailboxId } from '../../shared/domain';
import { IconButton } from '../ui/IconButton';
import { TagMenu } from '../tags/TagMenu';
import type { TagActionId } from '../tags/tag-commands';
import { MoveMenu } from './MoveMenu';
import './toolbar.css';

export type ToolbarAction =
  'reply' | 'replyAll' | 'forward' | 'archive' | 'delete' | 'junk' | 'notJunk' | 'toggleStar' | 'toggleRead';

interface ToolbarProps {
  /** Messages the actions apply to. */
  targetCount: number;
  /** Reply and forward need exactly one open message. */
  canReply: boolean;
  allStarred: boolean;
  allRead: boolean;
  /** Junk moves to the account's Junk folder; Not junk (in Junk) back to the Inbox. */
  canJunk: boolean;
  canNotJunk: boolean;
  moveChoices: readonly Mailbox[];
  currentMailboxId: MailboxId | null;
  onAction: (action: ToolbarAction) => void;
  onMove: (mailbox: Mailbox) => void;
  /** The open message's keywords, for the tag menu's checks. */
  activeKeywords: readonly string[];
  onTag: (action: TagActionId) => void;
}

/** Memoized: a key press that moves through the list changes none of its props. */
export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const { t } = useTranslation();
  const none = props.targetCount === 0;
  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
      <div className="toolbar-group">
        <IconButton
          icon="reply"
          label={t('toolbar.reply')}
          disabled={!props.canReply}
          onClick={() => props.onAction('reply')}
        />
        <IconButton
          icon="replyAll"
          label={t('toolbar.replyAll')}
          disabled={!props.canReply}
          onClick={() => props.onAction('replyAll')}
        />
        <IconButton
          icon="forward"
          label={t('toolbar.forward')}
          disabled={!props.canReply}
          onClick={() => props.onAction('forward')}
        />
      </div>
      <div className="toolbar-group">
        <IconButton
          icon="archive"
          label={t('toolbar.archive')}
          disabled={none}
          onClick={() => props.onAction('archive')}
        />
        <IconButton icon="trash" label={t('toolbar.delete')} disabled={none} onClick={() => props.onAction('delete')} />
        {props.canNotJunk ? (
          <IconButton icon="inbox" label={t('toolbar.notJunk')} onClick={() => props.onAction('notJunk')} />
        ) : (
          <IconButton
            icon="junk"
            label={t('toolbar.junk')}
            disabled={none || !props.canJunk}
            onClick={() => props.onAction('junk')}
          />
        )}
        <MoveMenu
          mailboxes={props.moveChoices}
          currentMailboxId={props.currentMailboxId}
          disabled={none || props.moveChoices.length === 0}
          onMove={props.onMove}
        />
      </div>
      <div className="toolbar-group">
        <IconButton
          icon="star"
          filledIcon={props.allStarred && !none}
          className={props.allStarred && !none ? 'is-starred' : undefined}
          label={props.allStarred ? t('toolbar.unstar') : t('toolbar.star')}
          disabled={none}
          onClick={() => props.onAction('toggleStar')}
        />
        <IconButton
          icon={props.allRead ? 'mail' : 'mailOpen'}
          label={props.allRead ? t('toolbar.markUnread') : t('toolbar.markRead')}
          disabled={none}
          onClick={() => props.onAction('toggleRead')}
        />
        <TagMenu disabled={none} activeKeywords={props.activeKeywords} onTag={props.onTag} />
      </div>
    </div>
  );
});
