// macOS or not: decides whether "Mod" means Cmd or Ctrl, and how shortcuts are written.
import type { Platform } from './key-chord';

export interface NavigatorLike {
  platform?: string;
  userAgentData?: { platform?: string } | null;
}

export function detectPlatform(nav: NavigatorLike | undefined): Platform {
  const name = nav?.userAgentData?.platform || nav?.platform || '';
  return /^(mac|iphone|ipad|ipod)/i.test(name) || /macos/i.test(name) ? 'mac' : 'other';
}

let cached: Platform | null = null;

/** This window's platform (read once). */
export function currentPlatform(): Platform {
  if (cached === null) cached = detectPlatform(typeof navigator === 'undefined' ? undefined : navigator);
  return cached;
}
