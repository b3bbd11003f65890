// "Move to…": a menu of the account's folders (the current one left out), keyboard-operable.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mailbox, MailboxId } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import { buildFolderTree, visibleFolders } from '../sidebar/folder-tree';
import { folderDisplayName } from '../sidebar/folder-name';
import { folderIcon } from '../sidebar/folder-icon';
import { Icon } from '../ui/Icon';
import { usePopoverMenu } from '../ui/use-popover-menu';

interface MoveMenuProps {
  mailboxes: readonly Mailbox[];
  currentMailboxId: MailboxId | null;
  disabled: boolean;
  onMove: (mailbox: Mailbox) => void;
}

const NOTHING_COLLAPSED: ReadonlySet<string> = new Set();

export function MoveMenu({ mailboxes, currentMailboxId, disabled, onMove }: MoveMenuProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { open, close, buttonProps, menuProps } = usePopoverMenu();

  const choices = useMemo(
    () =>
      visibleFolders(buildFolderTree(mailboxes, locale), NOTHING_COLLAPSED).filter(
        ({ node }) => node.mailbox?.selectable && node.mailbox.id !== currentMailboxId,
      ),
    [mailboxes, locale, currentMailboxId],
  );

  return (
    <div className="move-menu">
      <button
        {...buttonProps}
        type="button"
        className="icon-button"
        aria-label={t('toolbar.move')}
        title={t('toolbar.move')}
        disabled={disabled || choices.length === 0}
      >
        <Icon name="move" size={18} />
      </button>
      {open && (
        <div {...menuProps} className="popover-menu" aria-label={t('toolbar.moveMenu')}>
          {choices.map(({ node, level }) => {
            const mailbox = node.mailbox;
            if (!mailbox) return null;
            const name = folderDisplayName(node, t);
            return (
              <button
                key={node.key}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className="menu-item"
                aria-label={t('toolbar.moveTo', { folder: name })}
                style={{ paddingInlineStart: `${8 + (level - 1) * 16}px` }}
                onClick={() => {
                  close();
                  onMove(mailbox);
                }}
              >
                <Icon name={folderIcon(node.role)} />
                <span>{name}</span>
              </button>
            );
          })}
        </div>
      )}
    </div>
  );
}
