// Where the focus is, seen from the keyboard layer: which dialogs are open and whether the
// focused element is inside one. The shortcut overlay is a dialog that lets shortcuts through.
import type { ShortcutContext } from './field-guard';

export const OVERLAY_CLASS = 'shortcut-overlay';

function isOverlay(element: Element): boolean {
  return element.classList.contains(OVERLAY_CLASS);
}

/** A modal <dialog> other than the shortcut overlay is open. */
export function modalDialogOpen(doc: Document = document): boolean {
  return [...doc.querySelectorAll('dialog[open]')].some((dialog) => dialog.matches(':modal') && !isOverlay(dialog));
}

export function shortcutContext(target: EventTarget | null, doc: Document = document): ShortcutContext {
  const element = target instanceof Element ? target : null;
  // An open menu (Move to…) owns its keys like a dialog does.
  const dialog = element?.closest('dialog, [role="dialog"], [role="menu"]') ?? null;
  return {
    target: element,
    modalOpen: modalDialogOpen(doc),
    inDialog: dialog !== null && !isOverlay(dialog),
    inOverlay: dialog !== null && isOverlay(dialog),
  };
}
