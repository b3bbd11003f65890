// Which platform call shows the unread count.
import { describe, expect, it, vi } from 'vitest';
import { showUnreadCount, type BadgeTarget } from '../../electron/shell/unread-badge';

const words = (n: number) => `${n} unread`;
function target(platform: NodeJS.Platform, tray = true) {
  return {
    platform,
    setBadgeCount: vi.fn(() => true),
    setOverlay: vi.fn(),
    setTray: tray ? vi.fn() : undefined,
  } satisfies BadgeTarget;
}

describe('showUnreadCount', () => {
  it('macOS and Linux: the badge count (dock, launcher)', () => {
    for (const platform of ['darwin', 'linux'] as const) {
      const t = target(platform, false);
      showUnreadCount(t, 5, words, 'Mail');
      expect(t.setBadgeCount).toHaveBeenCalledWith(5);
      expect(t.setOverlay).not.toHaveBeenCalled();
    }
  });

  it('Windows: the taskbar overlay with the count as its description, removed at zero', () => {
    const t = target('win32');
    showUnreadCount(t, 2, words, 'Mail');
    expect(t.setOverlay).toHaveBeenLastCalledWith(true, '2 unread');
    showUnreadCount(t, 0, words, 'Mail');
    expect(t.setOverlay).toHaveBeenLastCalledWith(false, '');
    expect(t.setBadgeCount).not.toHaveBeenCalled();
  });

  it('the tray gets the count and a tooltip that says it', () => {
    const t = target('linux');
    showUnreadCount(t, 4, words, 'Mail');
    expect(t.setTray).toHaveBeenLastCalledWith(4, 'Mail (4) · 4 unread');
    showUnreadCount(t, 0, words, 'Mail');
    expect(t.setTray).toHaveBeenLastCalledWith(0, 'Mail');
  });
});
