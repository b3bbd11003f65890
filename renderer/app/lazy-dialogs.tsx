// The dialogs that are not part of the first screen (composer, account wizard, settings, command
// palette) are separate chunks (Vite splits the bundle at dynamic imports), so the first paint
// parses less. As soon as the loaded page is idle they are fetched anyway, so opening one later
// waits for nothing either.
import { lazy, Suspense, useState, type ComponentType, type JSX } from 'react';

interface Deferred<P> {
  Component: (props: P) => JSX.Element;
  preload: () => void;
}

function deferred<P extends object>(load: () => Promise<ComponentType<P>>): Deferred<P> {
  let loading: Promise<{ default: ComponentType<P> }> | null = null;
  // Once loaded it renders at once: even an already settled lazy() suspends for a tick on its
  // first render, and the keys typed right after Ctrl+K would miss the palette's field.
  let loaded: ComponentType<P> | null = null;
  const start = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return { default: component };
    }));
  const Lazy = lazy(start);
  return {
    Component: (props: P) => {
      // Which of the two it renders is chosen once per mount. Switching from the Suspense path to
      // the loaded component on a later render would remount the dialog: the first-run wizard,
      // opened before its chunk was in, started over (empty, focused) when the account it was
      // adding arrived, and swallowed the keys typed in that instant.
      const [Loaded] = useState(() => loaded);
      if (Loaded) return <Loaded {...(props as P & JSX.IntrinsicAttributes)} />;
      return (
        <Suspense fallback={null}>
          <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
        </Suspense>
      );
    },
    preload: () => void start().catch(() => undefined), // a failed preload is tried again on use
  };
}

const composer = deferred(() => import('../composer/Composer').then((module) => module.Composer));
const addAccount = deferred(() => import('../accounts/AddAccountDialog').then((module) => module.AddAccountDialog));
const settings = deferred(() => import('../settings/SettingsDialog').then((module) => module.SettingsDialog));
const palette = deferred(() => import('../palette/PaletteHost').then((module) => module.PaletteHost));

export const Composer = composer.Component;
export const AddAccountDialog = addAccount.Component;
export const SettingsDialog = settings.Component;
export const PaletteHost = palette.Component;

/** The dialogs are fetched once the page is idle after its load event, this long after it at the latest. */
const PRELOAD_AFTER_MS = 1000;

if (typeof window !== 'undefined') {
  const preload = () => [composer, addAccount, settings, palette].forEach((dialog) => dialog.preload());
  const whenIdle = () =>
    typeof window.requestIdleCallback === 'function'
      ? window.requestIdleCallback(preload, { timeout: PRELOAD_AFTER_MS })
      : preload();
  if (document.readyState === 'complete') whenIdle();
  else window.addEventListener('load', whenIdle, { once: true });
}
