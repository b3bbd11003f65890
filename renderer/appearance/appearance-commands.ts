// The appearance as commands, so the palette (and a shortcut, should the user give one) switch
// it at once, like the settings do.
import type { Command } from '../app/use-app-commands';
import { appearanceStore } from './appearance-store';

export const APPEARANCE_ACTIONS = ['toggleDarkMode', 'toggleDensity'] as const;
export type AppearanceActionId = (typeof APPEARANCE_ACTIONS)[number];

/** The same object every time: nothing in it depends on the window's state. */
export const appearanceCommands: Record<AppearanceActionId, Command> = {
  // From whatever is on screen to the other one; the theme then no longer follows the system.
  toggleDarkMode: {
    enabled: true,
    run: () => appearanceStore.update({ theme: appearanceStore.getState().scheme === 'dark' ? 'light' : 'dark' }),
  },
  toggleDensity: {
    enabled: true,
    run: () =>
      appearanceStore.update({ density: appearanceStore.getState().density === 'compact' ? 'comfortable' : 'compact' }),
  },
};
