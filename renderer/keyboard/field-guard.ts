// When a shortcut must stay quiet: while the user types in a field, while a dialog owns the
// keyboard, and when Enter or Space belongs to the focused button. Pure over element-like
// objects, so the rules are unit-tested without a DOM.
import { type ActionScope } from './keymap';
import { type Chord, hasCommandModifier } from './key-chord';

/** The parts of an Element the guard reads. */
export interface ElementLike {
  tagName: string;
  isContentEditable?: boolean;
  getAttribute(name: string): string | null;
  closest?(selector: string): ElementLike | null;
}

/** Input types that take no typing: keys there are free for shortcuts. */
const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image']);
const TEXT_ROLES = new Set(['textbox', 'searchbox', 'combobox', 'spinbutton']);
/** Elements whose own Enter/Space activation must win over "open" and "page down". */
const ACTIVATABLE_ROLES = new Set([
  'button',
  'link',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'tab',
  'checkbox',
  'radio',
  'switch',
  'option',
  'treeitem',
  'slider',
]);

export function isTypingTarget(element: ElementLike | null | undefined): boolean {
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') return !NON_TEXT_INPUTS.has((element.getAttribute('type') ?? 'text').toLowerCase());
  if (element.isContentEditable) return true;
  const role = element.getAttribute('role');
  return role !== null && TEXT_ROLES.has(role);
}

export function isActivatableTarget(element: ElementLike | null | undefined): boolean {
  if (!element) return false;
  const tag = element.tagName.toUpperCase();
  if (tag === 'BUTTON' || tag === 'SUMMARY' || tag === 'SELECT') return true;
  if (tag === 'A' && element.getAttribute('href') !== null) return true;
  if (tag === 'INPUT') return true;
  const role = element.getAttribute('role');
  return role !== null && ACTIVATABLE_ROLES.has(role);
}

export interface ShortcutContext {
  /** The focused element (the key event's target). */
  target: ElementLike | null;
  /** A modal dialog (settings, account, palette...) is open; the shortcut overlay does not count. */
  modalOpen: boolean;
  /** Focus is inside a non-modal dialog such as the composer. */
  inDialog: boolean;
  /** Focus is in the shortcut overlay: shortcuts work there, but Escape closes it. */
  inOverlay?: boolean;
}

/** May an action of this scope run for this chord in this context? */
export function shortcutAllowed(scope: ActionScope, chord: Chord, context: ShortcutContext): boolean {
  if (scope === 'composer') return false; // the composer handles its own send key
  if (scope === 'global') return !context.modalOpen;
  if (context.modalOpen || context.inDialog) return false;
  if (isTypingTarget(context.target)) return false;
  if (context.inOverlay && chord.key === 'Escape') return false;
  // Enter and Space on a focused button press the button, not "open" or "page down".
  const bare = !hasCommandModifier(chord);
  if (bare && (chord.key === 'Enter' || chord.key === 'Space') && isActivatableTarget(context.target)) return false;
  return true;
}
