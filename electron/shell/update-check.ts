// Whether Mail looks for a new release at start, and the look itself. The decision is a plain
// function so it is unit-tested without Electron; electron-updater is handed in by electron/main.ts,
// the only file that imports it (the core and shared/ never do, and the browser shell never checks).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** The file electron-builder writes beside app.asar from build/electron-builder.yml's `publish`. */
export const UPDATE_FEED_FILE_NAME = 'app-update.yml';

export interface UpdateCheckFacts {
  /** Which shell runs: the browser shell (npm run web) is for development and never updates. */
  shell: 'electron' | 'browser';
  /** The user's "Check for updates" desktop setting (off by default). */
  checkForUpdates: boolean;
  /** app.isPackaged: a development run has no release to replace. */
  packaged: boolean;
  /** The feed's address from app-update.yml, null when the build had none. */
  feedUrl: string | null;
}

/** Look for updates only when the user chose it, in an installed Electron app built with a feed. */
export function shouldCheckForUpdates(facts: UpdateCheckFacts): boolean {
  return facts.shell === 'electron' && facts.checkForUpdates && facts.packaged && facts.feedUrl !== null;
}

/**
 * The generic feed's address in app-update.yml (`url: https://...`), or null when the file is
 * missing or names no http(s) address (a build made without MAIL_UPDATE_URL: docs/release.md).
 */
export function readUpdateFeedUrl(resourcesDir: string): string | null {
  let text: string;
  try {
    text = readFileSync(path.join(resourcesDir, UPDATE_FEED_FILE_NAME), 'utf8');
  } catch {
    return null;
  }
  const url = /^url:\s*['"]?(https?:\/\/[^\s'"]+)/m.exec(text)?.[1];
  return url ?? null;
}

/** The part of electron-updater's autoUpdater this uses. */
export interface Updater {
  checkForUpdatesAndNotify(): Promise<unknown>;
}

type Log = (level: 'info' | 'warn' | 'error', message: string) => void;

/**
 * Asks the feed and lets electron-updater download and offer the update. A failed look (offline,
 * the feed down, a bad signature) is logged and otherwise ignored: it must never stop Mail.
 */
export async function checkForUpdates(updater: Updater, log: Log): Promise<void> {
  try {
    await updater.checkForUpdatesAndNotify();
  } catch (error) {
    log('warn', `The update check failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
