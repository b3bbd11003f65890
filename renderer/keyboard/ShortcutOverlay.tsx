// "?": every shortcut of the active keymap, grouped and translated. A dialog that lets the
// shortcuts through (press them while reading the list); ? or Escape closes it.
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';
import { IconButton } from '../ui/IconButton';
import { ACTION_GROUPS, ACTION_IDS, type Keymap, actionGroup, bindingsOf } from './keymap';
import { OVERLAY_CLASS } from './keyboard-context';
import { ShortcutKeys } from './ShortcutKeys';
import './keyboard.css';

interface ShortcutOverlayProps {
  keymap: Keymap;
  onClose: () => void;
  onCustomize: () => void;
}

export function ShortcutOverlay({ keymap, onClose, onCustomize }: ShortcutOverlayProps) {
  const { t } = useTranslation();
  return (
    <Dialog label={t('shortcuts.label')} onClose={onClose} className={OVERLAY_CLASS}>
      <div className="shortcut-overlay-body">
        <header className="shortcut-overlay-header">
          <div>
            <h2 className="dialog-title">{t('shortcuts.label')}</h2>
            <p className="form-hint">
              {t('shortcuts.preset', { preset: t(`keymap.presets.${keymap.preset}`) })} · {t('shortcuts.hint')}
            </p>
          </div>
          <IconButton icon="close" label={t('common.close')} onClick={onClose} />
        </header>
        <div className="shortcut-groups">
          {ACTION_GROUPS.map((group) => {
            const actions = ACTION_IDS.filter(
              (action) => actionGroup(action) === group && bindingsOf(keymap, action).length > 0,
            );
            if (actions.length === 0) return null;
            return (
              <section key={group} className="shortcut-group" aria-labelledby={`shortcut-group-${group}`}>
                <h3 id={`shortcut-group-${group}`} className="shortcut-group-title">
                  {t(`shortcuts.groups.${group}`)}
                </h3>
                <dl className="shortcut-list">
                  {actions.map((action) => (
                    <div key={action} className="shortcut-row">
                      <dt>{t(`actions.${action}`)}</dt>
                      <dd>
                        <ShortcutKeys sequences={bindingsOf(keymap, action).map((binding) => binding.sequence)} />
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            );
          })}
        </div>
        <div className="dialog-actions">
          <button type="button" className="button button-quiet" onClick={onCustomize}>
            {t('shortcuts.customize')}
          </button>
          <button type="button" className="button button-primary" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
