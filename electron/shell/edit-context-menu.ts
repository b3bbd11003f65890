// The right-click menu of a text field in the Electron shell (the composer's body and fields):
// Chromium's spelling suggestions for the misspelt word under the pointer, then the edit roles,
// whose labels and shortcuts the OS supplies in the user's language. The app's own menus
// (messages, folders) are the renderer's: it cancels the DOM event, so Electron never asks here.
// In the browser shell the browser's native menu does the same. A pure function, so a test can
// check it without Electron.
import type { MenuItemConstructorOptions } from 'electron';

/** The part of Electron's ContextMenuParams this menu reads. */
export interface EditMenuParams {
  isEditable: boolean;
  misspelledWord: string;
  dictionarySuggestions: string[];
}

/** At most this many suggestions: the menu stays short, the best ones come first. */
const MAX_SUGGESTIONS = 5;

export function editContextMenuTemplate(
  params: EditMenuParams,
  replaceMisspelling: (word: string) => void,
): MenuItemConstructorOptions[] | null {
  if (!params.isEditable) return null;
  const suggestions: MenuItemConstructorOptions[] = params.misspelledWord
    ? params.dictionarySuggestions
        .slice(0, MAX_SUGGESTIONS)
        .map((word) => ({ label: word, click: () => replaceMisspelling(word) }))
    : [];
  return [
    ...suggestions,
    ...(suggestions.length ? [{ type: 'separator' as const }] : []),
    { role: 'undo' },
    { role: 'redo' },
    { type: 'separator' },
    { role: 'cut' },
    { role: 'copy' },
    { role: 'paste' },
    { role: 'selectAll' },
  ];
}
