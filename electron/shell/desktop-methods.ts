// The desktop methods of the contract (shared/contract-desktop.ts) as the Electron shell answers
// them: the requests the OS handed over, the settings only it has, the default mail app and the
// unread count on the dock or taskbar. Every Electron call comes in through DesktopShellDeps, so
// the decisions here are tested without Electron; main.ts passes the real calls.
import { methods, type MethodName } from '../../shared/contract';
import type { DesktopInfo, DesktopMethodName, DesktopSettings } from '../../shared/contract-desktop';
import type { MethodHandlers } from '../core/method-handlers';
import type { MailService } from '../core/service-api';
import { ServiceError } from '../core/service-error';
import { saveDesktopSettings } from './desktop-settings';
import type { LaunchQueue } from './launch-queue';

export interface DesktopShellDeps {
  platform: NodeJS.Platform;
  queue: LaunchQueue;
  /** Whether a tray icon is shown (tray.ts decides where one exists). */
  hasTray: boolean;
  /** The settings as loaded at start; kept current here. */
  settings: DesktopSettings;
  settingsFile: string;
  /** app.isDefaultProtocolClient('mailto') */
  isDefaultMailApp(): boolean;
  /** app.setAsDefaultProtocolClient('mailto'): whether the OS agreed. */
  makeDefaultMailApp(): boolean;
  /** app.setLoginItemSettings */
  setStartAtLogin(start: boolean): void;
  /** The dock badge, taskbar overlay, launcher count and tray (unread-badge.ts). */
  showUnreadCount(count: number): void;
  showWindow(): void;
  /** After a change is saved, for the parts that read the settings (the tray, closing the window). */
  settingsChanged?(settings: DesktopSettings): void;
}

function platformName(platform: NodeJS.Platform): DesktopInfo['platform'] {
  return platform === 'darwin' || platform === 'win32' || platform === 'linux' ? platform : 'other';
}

export function createDesktopHandlers(deps: DesktopShellDeps): MethodHandlers<Exclude<DesktopMethodName, 'eml.parse'>> {
  const info = (): DesktopInfo => ({
    platform: platformName(deps.platform),
    tray: deps.hasTray,
    defaultMailApp: deps.isDefaultMailApp(),
    settings: { ...deps.settings },
  });
  return {
    'desktop.takeRequests': async () => deps.queue.take(),
    'desktop.info': async () => info(),
    'desktop.setSettings': async (changes) => {
      const next: DesktopSettings = { ...deps.settings, ...changes };
      if (next.startAtLogin !== deps.settings.startAtLogin) deps.setStartAtLogin(next.startAtLogin);
      saveDesktopSettings(deps.settingsFile, next);
      Object.assign(deps.settings, next);
      deps.settingsChanged?.({ ...next });
      return info();
    },
    'desktop.makeDefaultMailApp': async () => ({
      defaultMailApp: deps.makeDefaultMailApp() && deps.isDefaultMailApp(),
    }),
    'desktop.setUnreadCount': async ({ count }) => {
      deps.showUnreadCount(count);
      return { ok: true as const };
    },
    'desktop.showWindow': async () => {
      deps.showWindow();
      return { ok: true as const };
    },
  };
}

/**
 * The service as the window sees it, with some methods answered by the shell: their input is
 * checked against the contract here (the engine, which checks everything else, never sees them).
 */
export function withShellHandlers(
  service: Pick<MailService, 'call' | 'onEvent'>,
  handlers: Partial<MethodHandlers>,
): Pick<MailService, 'call' | 'onEvent'> {
  const call = async (method: MethodName, input: unknown): Promise<unknown> => {
    const handler = handlers[method] as ((args: unknown) => Promise<unknown>) | undefined;
    if (!handler) return service.call(method, input);
    const parsed = methods[method].input.safeParse(input);
    if (!parsed.success) throw new ServiceError('invalid-input', `The arguments of ${method} are not valid.`);
    return handler(parsed.data);
  };
  return { call: call as MailService['call'], onEvent: (listener) => service.onEvent(listener) };
}
