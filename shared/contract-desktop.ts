// The desktop part of the contract: what the operating system hands the app (mailto: links,
// .eml files, the tray's Compose), reading an .eml file, the unread count it shows on the dock or taskbar, and the
// settings only a desktop shell has. Shaped exactly like `methods` and `events` in contract.ts,
// which spreads these in. The engine answers these too, as the browser shell has them: nothing
// handed over, no desktop settings (null); the Electron shell answers them itself.
import { z } from 'zod';
import { addressSchema } from './schemas';

/** The largest .eml file opened (as base64, a third larger): a message no server would accept is not mail. */
export const EML_MAX_BYTES = 50 * 1024 * 1024;
const emlDataSchema = z.string().max(Math.ceil(EML_MAX_BYTES / 3) * 4 + 4);
const fileNameSchema = z.string().max(1024);

/** A message read from an .eml file, for its reading window: nothing of it is stored. */
export const emlMessageSchema = z.object({
  fileName: z.string(),
  subject: z.string(),
  from: z.array(addressSchema),
  to: z.array(addressSchema),
  cc: z.array(addressSchema),
  replyTo: z.array(addressSchema),
  /** ms since epoch; null when the Date header is missing or broken. */
  date: z.number().nullable(),
  messageId: z.string().nullable(),
  references: z.array(z.string()),
  html: z.string().nullable(),
  text: z.string().nullable(),
  attachments: z.array(
    z.object({
      filename: z.string(),
      contentType: z.string(),
      size: z.number(),
      contentId: z.string().nullable(),
      inline: z.boolean(),
      dataBase64: z.string(),
    }),
  ),
});

const ok = z.object({ ok: z.literal(true) });

/** Something the OS asked the app to open, waiting for the window to take it. */
export const launchRequestSchema = z.discriminatedUnion('kind', [
  /** A mailto: link (shared/mailto.ts reads it): open the composer filled from it. */
  z.object({ kind: z.literal('mailto'), url: z.string().max(256 * 1024) }),
  /** The tray's or the dock's Compose: an empty composer. */
  z.object({ kind: z.literal('compose') }),
  /** An .eml file from the command line, the file manager or the Finder: its reading window. */
  z.object({ kind: z.literal('eml'), fileName: fileNameSchema, dataBase64: emlDataSchema }),
]);

/** The settings the Electron shell keeps (desktop-settings.json in the profile). */
export const desktopSettingsSchema = z.object({
  /** Closing the window keeps Mail running in the tray (where there is a tray). */
  closeToTray: z.boolean(),
  /** Mail starts, in the tray, when the user logs in. */
  startAtLogin: z.boolean(),
  /** Look for updates and offer them (electron-updater's feed); off unless chosen. */
  checkForUpdates: z.boolean(),
});

/** What the desktop shell can do on this system, and its settings. */
export const desktopInfoSchema = z.object({
  platform: z.enum(['darwin', 'win32', 'linux', 'other']),
  /** A tray icon exists (Windows, Linux). */
  tray: z.boolean(),
  /** Mail is the system's handler for mailto: links now. */
  defaultMailApp: z.boolean(),
  settings: desktopSettingsSchema,
});

export const desktopMethods = {
  /** Reads an .eml file's bytes (opened from disk or dropped on the window) for its reading window. */
  'eml.parse': { input: z.object({ fileName: fileNameSchema, dataBase64: emlDataSchema }), output: emlMessageSchema },
  /** The requests waiting (each handed out once); the window asks at start and on desktop.requested. */
  'desktop.takeRequests': { input: z.object({}), output: z.array(launchRequestSchema) },
  /** The desktop shell's abilities and settings; null in the browser shell. */
  'desktop.info': { input: z.object({}), output: desktopInfoSchema.nullable() },
  'desktop.setSettings': { input: desktopSettingsSchema.partial(), output: desktopInfoSchema.nullable() },
  /** Asks the OS to make Mail the handler of mailto: links; answers whether it now is. */
  'desktop.makeDefaultMailApp': { input: z.object({}), output: z.object({ defaultMailApp: z.boolean() }) },
  /** The unread count to show on the dock, taskbar, launcher and tray (the window title is the renderer's). */
  'desktop.setUnreadCount': { input: z.object({ count: z.number().int().min(0) }), output: ok },
  /** Brings the window to the front (a notification was clicked while it was hidden in the tray). */
  'desktop.showWindow': { input: z.object({}), output: ok },
} as const;

export const desktopEvents = {
  /** The OS handed over something to open: take it with desktop.takeRequests. */
  'desktop.requested': z.object({}),
} as const;

export type DesktopMethodName = keyof typeof desktopMethods;
export type LaunchRequest = z.infer<typeof launchRequestSchema>;
export type DesktopSettings = z.infer<typeof desktopSettingsSchema>;
export type DesktopInfo = z.infer<typeof desktopInfoSchema>;
export type EmlMessage = z.infer<typeof emlMessageSchema>;
