// "Tag": a toolbar menu of the five labels (each checked when the open message has it), "New
// tag…" (a name of the user's own, in NewTagDialog, mounted here) and "Remove all tags". Each item runs the same command as its key and its palette entry.
import { useTranslation } from 'react-i18next';
import { KNOWN_LABELS } from '../../shared/tags';
import { usePopoverMenu } from '../ui/use-popover-menu';
import { NewTagDialog } from './NewTagDialog';
import type { TagActionId } from './tag-commands';
import { tagColour } from './tag-labels';
import './tags.css';

interface TagMenuProps {
  disabled: boolean;
  /** The open message's keywords (checks the labels it has); empty for a selection. */
  activeKeywords: readonly string[];
  onTag: (action: TagActionId) => void;
}

const TOGGLES: readonly TagActionId[] = ['toggleTag1', 'toggleTag2', 'toggleTag3', 'toggleTag4', 'toggleTag5'];

export function TagMenu({ disabled, activeKeywords, onTag }: TagMenuProps) {
  const { t } = useTranslation();
  const { open, close, buttonProps, menuProps } = usePopoverMenu();
  const active = new Set(activeKeywords.map((keyword) => keyword.toLowerCase()));

  const choose = (action: TagActionId) => {
    close();
    onTag(action);
  };

  return (
    <div className="move-menu">
      <button
        {...buttonProps}
        type="button"
        className="icon-button tag-menu-button"
        aria-label={t('tags.menu')}
        title={t('tags.menu')}
        disabled={disabled}
      >
        <svg
          viewBox="0 0 24 24"
          width={18}
          height={18}
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth={1.7}
        >
          <path d="M3.5 12.6V4.5a1 1 0 0 1 1-1h8.1l8 8a1.4 1.4 0 0 1 0 2l-7.1 7.1a1.4 1.4 0 0 1-2 0z" />
          <circle cx="8" cy="8" r="1.4" />
        </svg>
      </button>
      {open && (
        <div {...menuProps} className="popover-menu" aria-label={t('tags.menuLabel')}>
          {KNOWN_LABELS.map((label, index) => (
            <button
              key={label.keyword}
              type="button"
              role="menuitemcheckbox"
              aria-checked={active.has(label.keyword)}
              tabIndex={-1}
              className="menu-item"
              onClick={() => choose(TOGGLES[index]!)}
            >
              <span className="tag-dot" aria-hidden="true" style={{ background: tagColour(label.keyword) }} />
              <span>{t(`tags.names.${label.id}`)}</span>
              <span className="tag-menu-key" aria-hidden="true">
                {index + 1}
              </span>
            </button>
          ))}
          <button type="button" role="menuitem" tabIndex={-1} className="menu-item" onClick={() => choose('newTag')}>
            <span className="tag-dot" aria-hidden="true" />
            <span>{t('actions.newTag')}</span>
          </button>
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            className="menu-item"
            onClick={() => choose('removeTags')}
          >
            <span className="tag-dot" aria-hidden="true" />
            <span>{t('tags.removeAll')}</span>
          </button>
        </div>
      )}
      <NewTagDialog />
    </div>
  );
}
