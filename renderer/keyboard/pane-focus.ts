// Focus between the panes: F6 / Shift+F6 go to the next / previous pane (folders, messages,
// the reading pane, the composer when open, the status line when it offers a button), and Tab
// cycles inside the focused pane without leaving it, as in Outlook and Thunderbird.
import { useEffect } from 'react';
import { modalDialogOpen } from './keyboard-context';

export type PaneId = 'sidebar' | 'list' | 'reading' | 'composer' | 'status';

const TABBABLE = [
  'a[href]',
  'button:not([disabled])',
  'input:not([disabled]):not([type="hidden"])',
  'select:not([disabled])',
  'textarea:not([disabled])',
  'iframe',
  '[tabindex]',
  '[contenteditable="true"]',
].join(',');

interface PaneSpec {
  id: PaneId;
  find: () => HTMLElement | null;
  /** Where F6 puts the focus in this pane. */
  entry: (pane: HTMLElement) => HTMLElement | null;
  /** Only part of the cycle when it has something to focus. */
  optional?: boolean;
}

const lastFocused = new Map<PaneId, HTMLElement>();

function isVisible(element: HTMLElement): boolean {
  return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
}

function tabbables(scope: readonly HTMLElement[]): HTMLElement[] {
  return scope.flatMap((root) =>
    [root, ...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
      (element) =>
        element.matches(TABBABLE) &&
        element.tabIndex >= 0 &&
        !element.closest('[inert], [aria-hidden="true"]') &&
        isVisible(element),
    ),
  );
}

/** The message region of the reading pane, made focusable (it is the pane's F6 target). */
function readingEntry(pane: HTMLElement): HTMLElement | null {
  const region = pane.querySelector<HTMLElement>('[role="region"]');
  if (!region) return tabbables([pane])[0] ?? null;
  if (!region.hasAttribute('tabindex')) region.tabIndex = -1;
  return region;
}

const PANES: PaneSpec[] = [
  {
    id: 'sidebar',
    find: () => document.getElementById('pane-sidebar'),
    entry: (pane) =>
      pane.querySelector<HTMLElement>('[role="tree"] [tabindex="0"]') ??
      pane.querySelector<HTMLElement>('[role="treeitem"]') ??
      tabbables([pane])[0] ??
      null,
  },
  {
    id: 'list',
    find: () => document.getElementById('pane-list'),
    entry: (pane) => pane.querySelector<HTMLElement>('[role="listbox"], [role="grid"]'),
  },
  { id: 'reading', find: () => document.getElementById('pane-reading'), entry: readingEntry },
  {
    id: 'composer',
    find: () => document.querySelector<HTMLElement>('.composer'),
    entry: (pane) => {
      const remembered = lastFocused.get('composer');
      if (remembered?.isConnected && pane.contains(remembered)) return remembered;
      return pane.querySelector<HTMLElement>('input, textarea') ?? tabbables([pane])[0] ?? null;
    },
  },
  {
    id: 'status',
    find: () => document.querySelector<HTMLElement>('.status-bar'),
    entry: (pane) => tabbables([pane])[0] ?? null,
    optional: true,
  },
];

/** A pane and the resize handle that follows it (so Tab reaches the handle too). */
function tabScope(pane: HTMLElement): HTMLElement[] {
  const next = pane.nextElementSibling;
  return next instanceof HTMLElement && next.getAttribute('role') === 'separator' ? [pane, next] : [pane];
}

function paneOf(element: Element | null): { spec: PaneSpec; element: HTMLElement } | null {
  if (!element) return null;
  for (const spec of PANES) {
    const pane = spec.find();
    if (pane && tabScope(pane).some((part) => part.contains(element))) return { spec, element: pane };
  }
  return null;
}

export function focusedPane(): PaneId | null {
  return paneOf(document.activeElement)?.spec.id ?? null;
}

/** Moves the focus into a pane; returns false when the pane is not there. */
export function focusPane(id: PaneId): boolean {
  const spec = PANES.find((candidate) => candidate.id === id);
  const pane = spec?.find();
  if (!spec || !pane) return false;
  const target = spec.entry(pane);
  if (!target) return false;
  target.focus({ preventScroll: id === 'list' });
  return document.activeElement === target || pane.contains(document.activeElement);
}

/** F6 (+1) and Shift+F6 (-1): the next pane that exists and can take the focus. */
export function cyclePane(direction: 1 | -1): PaneId | null {
  const current = focusedPane();
  const start = current ? PANES.findIndex((spec) => spec.id === current) : direction === 1 ? -1 : 0;
  for (let step = 1; step <= PANES.length; step++) {
    const spec = PANES[(start + direction * step + PANES.length * 2) % PANES.length]!;
    const pane = spec.find();
    if (!pane) continue;
    if (spec.optional && tabbables([pane]).length === 0) continue;
    if (focusPane(spec.id)) return spec.id;
  }
  return null;
}

/** Tab and Shift+Tab inside the focused pane, wrapping at its ends. */
function onTab(event: KeyboardEvent): void {
  if (event.key !== 'Tab' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
  if (modalDialogOpen()) return; // a modal dialog keeps the focus itself
  const active = document.activeElement;
  const found = paneOf(active);
  if (!found || !(active instanceof HTMLElement)) return;
  const list = tabbables(tabScope(found.element));
  event.preventDefault();
  if (list.length === 0) return;
  const index = list.indexOf(active);
  let next: HTMLElement | undefined;
  if (index >= 0) next = list[(index + (event.shiftKey ? -1 : 1) + list.length) % list.length];
  else {
    // From a focusable that is not a tab stop (the message region): the next stop after it.
    const after = list.filter((element) => active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
    const before = list.filter((element) => active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_PRECEDING);
    next = event.shiftKey ? (before.at(-1) ?? list.at(-1)) : (after[0] ?? list[0]);
  }
  next?.focus();
}

/**
 * Tab from inside the message frame is not ours to see: the browser moves the focus to
 * whatever follows the frame in the page. Catch it arriving outside the pane and wrap.
 */
function onFocusIn(event: FocusEvent): void {
  const target = event.target instanceof HTMLElement ? event.target : null;
  const from = lastFrame;
  lastFrame = null;
  const found = paneOf(target);
  if (found) lastFocused.set(found.spec.id, target!);
  // A click elsewhere is not a Tab out of the frame.
  if (!from || modalDialogOpen() || performance.now() - lastPointerDown < 500) return;
  const home = paneOf(from);
  if (!home || (target && tabScope(home.element).some((part) => part.contains(target)))) return;
  // Tab out of the frame, to whatever follows it in the page (or round to the page's start).
  tabbables(tabScope(home.element))[0]?.focus();
}

let lastFrame: HTMLElement | null = null;
let lastPointerDown = Number.NEGATIVE_INFINITY;

function onPointerDown(): void {
  lastPointerDown = performance.now();
}

function onFocusOut(event: FocusEvent): void {
  lastFrame = event.target instanceof HTMLIFrameElement ? event.target : null;
}

/** Installs the Tab cycling for the app's lifetime. */
export function usePaneTabCycling(): void {
  useEffect(() => {
    window.addEventListener('keydown', onTab);
    document.addEventListener('focusin', onFocusIn);
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown, true);
      window.removeEventListener('keydown', onTab);
      document.removeEventListener('focusin', onFocusIn);
      document.removeEventListener('focusout', onFocusOut);
    };
  }, []);
}
