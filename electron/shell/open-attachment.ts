// "Open" on an attachment in the desktop app: the file goes to the OS's default app for its
// type, through a private copy in the profile (core/opened-attachments.ts) marked as coming
// from the internet (internet-zone.ts). Only the types of shared/attachment-open-policy.ts's
// allow-list are handed over; for anything else the UI is told 'blocked' and saves it instead,
// saying why, so opening it stays a deliberate act of the user.
import { openPolicy } from '../../shared/attachment-open-policy';
import { methods, type MethodArgs, type MethodResult } from '../../shared/contract';
import type { MailService } from '../core/service-api';
import { ServiceError } from '../core/service-error';
import { writeOpenedAttachment } from '../core/opened-attachments';
import { markFromInternet, type ZoneMarkDeps } from './internet-zone';
import { createDragOut, type DragOutDeps } from './drag-out-file';
import { saveEmlWithDialog, type SaveEmlDeps } from './save-eml';

export interface OpenAttachmentDeps {
  service: Pick<MailService, 'call'>;
  profileDir: string;
  /** Electron's shell.openPath: resolves to '' on success, else the OS's reason. */
  openPath: (file: string) => Promise<string>;
  /** The start-up clean-up of old copies, which must not remove a new one. */
  cleared?: Promise<unknown>;
  /** The platform calls that mark the copy (tests fake them). */
  zoneMark?: Partial<ZoneMarkDeps>;
}

export async function openAttachmentWithApp(
  deps: OpenAttachmentDeps,
  input: unknown,
): Promise<MethodResult<'message.openAttachment'>> {
  const parsed = methods['message.openAttachment'].input.safeParse(input);
  if (!parsed.success) throw new ServiceError('invalid-input', 'Which attachment to open is not valid.');
  const { id, part }: MethodArgs<'message.openAttachment'> = parsed.data;
  const data = await deps.service.call('message.attachment', { id, part });
  if (!openPolicy(data.filename, data.contentType).open) return { outcome: 'blocked' };
  await deps.cleared;
  const file = await writeOpenedAttachment(deps.profileDir, data.filename, Buffer.from(data.dataBase64, 'base64'));
  await markFromInternet(file, deps.zoneMark);
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
  deps: Omit<OpenAttachmentDeps, 'service'> &
    Partial<Pick<SaveEmlDeps, 'askWhere'>> &
    Partial<Pick<DragOutDeps, 'startDrag'>>,
): Pick<MailService, 'call' | 'onEvent'> {
  const { askWhere, startDrag } = deps;
  const dragOut = startDrag ? createDragOut({ ...deps, service, startDrag }) : null;
  return {
    call: ((method: string, input: unknown) =>
      method === 'message.openAttachment'
        ? openAttachmentWithApp({ ...deps, service }, input)
        : method === 'message.saveEml' && askWhere
          ? saveEmlWithDialog({ service, askWhere }, input)
          : method === 'message.prepareDragFile' && dragOut
            ? dragOut.prepare(input)
            : method === 'message.startDragFile' && dragOut
              ? dragOut.start(input)
              : service.call(method as never, input)) as MailService['call'],
    onEvent: (listener) => service.onEvent(listener),
  };
}
