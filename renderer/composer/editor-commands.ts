// The formatting commands of the rich-text editor. They go through the browser's editing
// commands (execCommand) on purpose: those are what keep Undo/Redo (Ctrl/Cmd+Z, Shift+Z) working
// natively for every change, typing and formatting alike.
import { currentPlatform } from '../keyboard/platform';
import { normalizeLink } from './editor-html';

export type FormatCommand =
  'bold' | 'italic' | 'underline' | 'bulletList' | 'numberList' | 'quote' | 'link' | 'unlink' | 'clear';

/** Which toggles are on where the caret is (for aria-pressed). */
export interface FormatState {
  bold: boolean;
  italic: boolean;
  underline: boolean;
  bulletList: boolean;
  numberList: boolean;
  quote: boolean;
  link: boolean;
}

export const NO_FORMAT: FormatState = {
  bold: false,
  italic: false,
  underline: false,
  bulletList: false,
  numberList: false,
  quote: false,
  link: false,
};

function exec(command: string, value?: string): void {
  // Deprecated in name only: no other API gives contenteditable native undo for formatting.
  document.execCommand(command, false, value);
}

function selectionIn(editor: HTMLElement): Selection | null {
  const selection = document.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  return editor.contains(selection.anchorNode) ? selection : null;
}

function closestIn(editor: HTMLElement, node: Node | null, selector: string): Element | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  const found = element?.closest(selector) ?? null;
  return found && editor.contains(found) ? found : null;
}

export function readFormatState(editor: HTMLElement): FormatState {
  const selection = selectionIn(editor);
  if (!selection) return NO_FORMAT;
  const query = (command: string) => {
    try {
      return document.queryCommandState(command);
    } catch {
      return false;
    }
  };
  const inside = (selector: string) => closestIn(editor, selection.anchorNode, selector) !== null;
  // Read from the markup where the browser's answer misleads: it calls a link "underlined"
  // (its CSS underlines it) and is slow to notice the caret leaving a list.
  const list = closestIn(editor, selection.anchorNode, 'ul, ol');
  return {
    bold: query('bold'),
    italic: query('italic'),
    underline: inside('u') || (query('underline') && !inside('a[href]')),
    bulletList: list?.tagName === 'UL',
    numberList: list?.tagName === 'OL',
    quote: inside('blockquote'),
    link: inside('a[href]'),
  };
}

/** The link under the caret, for the link field's initial value. */
export function linkAtCaret(editor: HTMLElement): string {
  const selection = selectionIn(editor);
  return closestIn(editor, selection?.anchorNode ?? null, 'a[href]')?.getAttribute('href') ?? '';
}

/** Selects the whole link around the caret, so unlink or a new address applies to all of it. */
function selectLinkAtCaret(editor: HTMLElement, selection: Selection): void {
  const link = closestIn(editor, selection.anchorNode, 'a[href]');
  if (!link || !selection.isCollapsed) return;
  const range = document.createRange();
  range.selectNodeContents(link);
  selection.removeAllRanges();
  selection.addRange(range);
}

export function applyFormat(editor: HTMLElement, command: Exclude<FormatCommand, 'link'>): void {
  editor.focus();
  const selection = selectionIn(editor);
  switch (command) {
    case 'bold':
    case 'italic':
    case 'underline':
      exec(command);
      break;
    case 'bulletList':
      exec('insertUnorderedList');
      break;
    case 'numberList':
      exec('insertOrderedList');
      break;
    case 'quote':
      // formatBlock toggles between a quoted paragraph and a plain one
      exec('formatBlock', readFormatState(editor).quote ? 'p' : 'blockquote');
      break;
    case 'unlink':
      if (selection) selectLinkAtCaret(editor, selection);
      exec('unlink');
      break;
    case 'clear':
      if (selection) selectLinkAtCaret(editor, selection);
      exec('removeFormat');
      exec('unlink');
      break;
  }
}

/**
 * Makes the selection (saved before the link field took the focus) a link to `address`; with
 * nothing selected, inserts the address itself as the link text. False when the address is not
 * a web or mail address.
 */
export function insertLink(editor: HTMLElement, saved: Range | null, address: string): boolean {
  const href = normalizeLink(address);
  if (!href) return false;
  editor.focus();
  const selection = document.getSelection();
  if (saved && selection) {
    selection.removeAllRanges();
    selection.addRange(saved);
  }
  if (selection && !selection.isCollapsed && editor.contains(selection.anchorNode)) {
    exec('createLink', href);
  } else {
    const link = document.createElement('a');
    link.href = href;
    link.textContent = address.trim();
    exec('insertHTML', link.outerHTML);
  }
  return true;
}

/** The selection inside the editor, kept while a field elsewhere has the focus. */
export function saveSelection(editor: HTMLElement): Range | null {
  const selection = selectionIn(editor);
  return selection ? selection.getRangeAt(0).cloneRange() : null;
}

/** Ctrl/Cmd+B, I, U and K: the command a key press in the editor asks for, if any. */
export function shortcutCommand(event: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): FormatCommand | null {
  const mod = currentPlatform() === 'mac' ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
  if (!mod || event.altKey || event.shiftKey) return null;
  switch (event.key.toLowerCase()) {
    case 'b':
      return 'bold';
    case 'i':
      return 'italic';
    case 'u':
      return 'underline';
    case 'k':
      return 'link';
    default:
      return null;
  }
}
