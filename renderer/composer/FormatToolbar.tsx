// The formatting toolbar (role=toolbar): one Tab stop, arrow keys move between its buttons, each
// toggle says whether it is on (aria-pressed). Buttons keep the editor's selection (mousedown
// does not take the focus), so a click formats what the user selected.
import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseSequence } from '../keyboard/key-chord';
import { currentPlatform } from '../keyboard/platform';
import { useShortcutText } from '../keyboard/ShortcutKeys';
import type { FormatCommand, FormatState } from './editor-commands';
import { FormatIcon } from './format-icons';

interface FormatToolbarProps {
  state: FormatState;
  onCommand: (command: FormatCommand) => void;
  /** Extra controls at the end of the bar (the plain-text switch, Attach files). */
  children?: ReactNode;
}

const TOGGLES: (FormatCommand & keyof FormatState)[] = [
  'bold',
  'italic',
  'underline',
  'bulletList',
  'numberList',
  'quote',
  'link',
];

const sequence = (text: string) => [parseSequence(text, currentPlatform())];
const SHORTCUTS = {
  bold: sequence('Mod+B'),
  italic: sequence('Mod+I'),
  underline: sequence('Mod+U'),
  link: sequence('Mod+K'),
};

export function FormatToolbar({ state, onCommand, children }: FormatToolbarProps) {
  const { t } = useTranslation();
  const bar = useRef<HTMLDivElement>(null);
  const keys: Partial<Record<FormatCommand, string | null>> = {
    bold: useShortcutText(SHORTCUTS.bold),
    italic: useShortcutText(SHORTCUTS.italic),
    underline: useShortcutText(SHORTCUTS.underline),
    link: useShortcutText(SHORTCUTS.link),
  };

  // Roving focus: arrows, Home and End move among the bar's buttons.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [...(bar.current?.querySelectorAll<HTMLElement>('button:not([disabled])') ?? [])];
    const at = buttons.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: buttons.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = buttons[(next + buttons.length) % buttons.length];
    for (const button of buttons) button.tabIndex = button === target ? 0 : -1;
    target?.focus();
  };

  const button = (command: FormatCommand, pressed: boolean | undefined, first: boolean) => {
    const shortcut = keys[command];
    const label = t(`composer.format.${command}`);
    return (
      <button
        key={command}
        type="button"
        className="icon-button format-button"
        aria-label={label}
        title={shortcut ? `${label} (${shortcut})` : label}
        aria-pressed={pressed}
        tabIndex={first ? 0 : -1}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => onCommand(command)}
      >
        <FormatIcon command={command} />
      </button>
    );
  };

  return (
    <div
      ref={bar}
      className="format-toolbar"
      role="toolbar"
      aria-label={t('composer.format.label')}
      onKeyDown={onKeyDown}
    >
      {TOGGLES.map((command, index) => button(command, state[command], index === 0))}
      {button('unlink', undefined, false)}
      {button('clear', undefined, false)}
      {children}
    </div>
  );
}
