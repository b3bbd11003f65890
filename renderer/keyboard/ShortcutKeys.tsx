// A shortcut as key caps: "Ctrl+Shift+R", "g then i", several alternatives with "or".
import { Fragment, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Chord } from './key-chord';
import { type KeyNames, sequenceLabels } from './key-label';
import { currentPlatform } from './platform';

/**
 * The key names of each language, made once: every toolbar button's hint and every shortcut
 * shown asks for them, and fourteen lookups per component were a visible part of the window's
 * first render. The translations are the bundled ones (i18n/i18n.ts), the same for every instance.
 */
const keyNamesByLanguage = new Map<string, KeyNames>();

export function useKeyNames(): KeyNames {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const cached = keyNamesByLanguage.get(language);
    if (cached) return cached;
    const names: KeyNames = {
      ctrl: t('keys.ctrl'),
      alt: t('keys.alt'),
      shift: t('keys.shift'),
      enter: t('keys.enter'),
      escape: t('keys.escape'),
      space: t('keys.space'),
      tab: t('keys.tab'),
      delete: t('keys.delete'),
      backspace: t('keys.backspace'),
      insert: t('keys.insert'),
      home: t('keys.home'),
      end: t('keys.end'),
      pageUp: t('keys.pageUp'),
      pageDown: t('keys.pageDown'),
    };
    keyNamesByLanguage.set(language, names);
    return names;
  }, [t, language]);
}

/** The first shortcut of a list as plain text (for a button's hint), or null. */
export function useShortcutText(sequences: readonly (readonly Chord[])[]): string | null {
  const names = useKeyNames();
  const { t } = useTranslation();
  const first = sequences[0];
  if (!first) return null;
  return sequenceLabels(first, currentPlatform(), names).join(` ${t('keys.then')} `);
}

interface ShortcutKeysProps {
  sequences: readonly (readonly Chord[])[];
  /** Show only the first N alternatives. */
  limit?: number;
  className?: string;
}

export function ShortcutKeys({ sequences, limit, className }: ShortcutKeysProps) {
  const { t } = useTranslation();
  const names = useKeyNames();
  const platform = currentPlatform();
  const shown = limit === undefined ? sequences : sequences.slice(0, limit);
  if (shown.length === 0) return null;
  return (
    <span className={className ? `shortcut-keys ${className}` : 'shortcut-keys'}>
      {shown.map((sequence, index) => (
        <Fragment key={index}>
          {index > 0 && <span className="shortcut-or">{t('keys.or')}</span>}
          <span className="shortcut-sequence">
            {sequenceLabels(sequence, platform, names).map((label, step) => (
              <Fragment key={step}>
                {step > 0 && <span className="shortcut-then">{t('keys.then')}</span>}
                <kbd className="key-cap">{label}</kbd>
              </Fragment>
            ))}
          </span>
        </Fragment>
      ))}
    </span>
  );
}
