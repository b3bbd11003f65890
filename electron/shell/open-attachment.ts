// "Open" on an attachment in the desktop app: the file goes to the OS's default app for its
// type, through a private copy in the profile (core/opened-attachments.ts). A type that can
// run code when opened (programs, scripts, installers, shortcuts) is never handed over: the UI
// is told 'blocked' and saves it instead, so running it stays a deliberate act of the user.
import { methods, type MethodArgs, type MethodResult } from '../../shared/contract';
import type { MailService } from '../core/service-api';
import { ServiceError } from '../core/service-error';
import { writeOpenedAttachment } from '../core/opened-attachments';

/** Extensions Windows, macOS or Linux desktops run (or install, or follow) when opened. */
const DANGEROUS_EXTENSIONS = new Set(
  [
    // Windows programs, installers, scripts and shortcuts
    'exe com bat cmd msi msp mst scr pif cpl dll sys drv ocx js jse vbs vbe wsf wsh wsc ws hta',
    'ps1 psm1 psd1 ps1xml psc1 msc msh reg inf scf lnk url website appref-ms application gadget',
    'xbap settingcontent-ms library-ms search-ms diagcab appx appxbundle msix msixbundle chm hlp',
    'iso img vhd vhdx',
    // cross-platform runtimes
    'jar jnlp py pyw pyc rb pl php',
    // macOS
    'app command tool pkg mpkg dmg workflow terminal scpt applescript fileloc inetloc webloc',
    // Linux and other Unix desktops
    'sh bash zsh csh ksh run bin desktop appimage deb rpm snap flatpakref',
  ].flatMap((line) => line.split(' ')),
);

/** Content types that mean "a program" whatever the name says. */
const DANGEROUS_TYPES = [
  /^application\/(x-)?(msdownload|msdos-program|ms-installer|x-msi|executable|x-executable|x-dosexec)$/i,
  /^application\/(x-)?(sh|shellscript|csh|perl|python|ruby|php|java-archive|bat|javascript|ecmascript)$/i,
  /^text\/(x-)?(sh|shellscript|javascript|ecmascript|vbscript|x-python|x-perl)$/i,
  /^application\/x-(apple-diskimage|ms-shortcut|desktop|appimage)$/i,
];

/** Whether opening this file could run code. Windows ignores trailing dots and spaces: so do we. */
export function isDangerousToOpen(filename: string, contentType: string): boolean {
  const name = filename
    .trim()
    .replace(/[.\s]+$/, '')
    .toLowerCase();
  const dot = name.lastIndexOf('.');
  const extension = dot >= 0 ? name.slice(dot + 1) : '';
  if (DANGEROUS_EXTENSIONS.has(extension)) return true;
  return DANGEROUS_TYPES.some((pattern) => pattern.test(contentType.trim()));
}

export interface OpenAttachmentDeps {
  service: Pick<MailService, 'call'>;
  profileDir: string;
  /** Electron's shell.openPath: resolves to '' on success, else the OS's reason. */
  openPath: (file: string) => Promise<string>;
  /** The start-up clean-up of old copies, which must not remove a new one. */
  cleared?: Promise<unknown>;
}

export async function openAttachmentWithApp(
  deps: OpenAttachmentDeps,
  input: unknown,
): Promise<MethodResult<'message.openAttachment'>> {
  const parsed = methods['message.openAttachment'].input.safeParse(input);
  if (!parsed.success) throw new ServiceError('invalid-input', 'Which attachment to open is not valid.');
  const { id, part }: MethodArgs<'message.openAttachment'> = parsed.data;
  const data = await deps.service.call('message.attachment', { id, part });
  if (isDangerousToOpen(data.filename, data.contentType)) return { outcome: 'blocked' };
  await deps.cleared;
  const file = await writeOpenedAttachment(deps.profileDir, data.filename, Buffer.from(data.dataBase64, 'base64'));
  const failure = await deps.openPath(file);
  if (failure) throw new ServiceError('invalid-input', `No app could open “${data.filename}”: ${failure}`);
  return { outcome: 'opened' };
}

/**
 * The service as the Electron window sees it: the same, except for the methods only this shell
 * can carry out, which it answers itself.
 */
export function withDesktopMethods(
  service: MailService,
  deps: Omit<OpenAttachmentDeps, 'service'>,
): Pick<MailService, 'call' | 'onEvent'> {
  return {
    call: ((method: string, input: unknown) =>
      method === 'message.openAttachment'
        ? openAttachmentWithApp({ ...deps, service }, input)
        : service.call(method as never, input)) as MailService['call'],
    onEvent: (listener) => service.onEvent(listener),
  };
}
