// A message dragged out of the desktop app as an .eml file. Electron's webContents.startDrag
// starts the operating system's own drag of a file that exists, and that drag replaces the page's
// (so the list's rows, which drag onto folders, keep the page's drag; the reader's drag handle
// uses this). The drag has to start while the pointer is still down, so the file is written when
// the handle is pressed (prepare) and the drag only names it (start). The file is a private copy
// in the profile, like an attachment opened with another app (core/opened-attachments.ts): the
// profile's folder, emptied at every start, and marked as coming from the internet. Plain Node:
// the Electron call is handed in.
import { access } from 'node:fs/promises';
import { methods, type MethodResult } from '../../shared/contract';
import type { MessageId } from '../../shared/domain';
import { writeOpenedAttachment } from '../core/opened-attachments';
import type { MailService } from '../core/service-api';
import { ServiceError } from '../core/service-error';
import { markFromInternet, type ZoneMarkDeps } from './internet-zone';

export interface DragOutDeps {
  service: Pick<MailService, 'call'>;
  profileDir: string;
  /** webContents.startDrag of the main window, with the file and an icon. */
  startDrag: (file: string) => void;
  /** The start-up clean-up of old copies, which must not remove a new one. */
  cleared?: Promise<unknown>;
  zoneMark?: Partial<ZoneMarkDeps>;
}

/** Files kept ready at once: a press of the handle writes one, and old ones are forgotten first. */
const KEPT = 8;

export interface DragOut {
  prepare(input: unknown): Promise<MethodResult<'message.prepareDragFile'>>;
  start(input: unknown): Promise<MethodResult<'message.startDragFile'>>;
}

function messageId(method: 'message.prepareDragFile' | 'message.startDragFile', input: unknown): MessageId {
  const parsed = methods[method].input.safeParse(input);
  if (!parsed.success) throw new ServiceError('invalid-input', 'Which message to drag is not valid.');
  return parsed.data.id;
}

export function createDragOut(deps: DragOutDeps): DragOut {
  const files = new Map<MessageId, Promise<string>>();

  const write = async (id: MessageId): Promise<string> => {
    const raw = await deps.service.call('message.raw', { id });
    await deps.cleared;
    const file = await writeOpenedAttachment(deps.profileDir, raw.filename, Buffer.from(raw.dataBase64, 'base64'));
    await markFromInternet(file, deps.zoneMark);
    return file;
  };

  const fileFor = (id: MessageId): Promise<string> => {
    let file = files.get(id);
    if (!file) {
      file = write(id);
      files.set(id, file);
      file.catch(() => files.delete(id));
      for (const old of files.keys()) {
        if (files.size <= KEPT) break;
        files.delete(old);
      }
    }
    return file;
  };

  return {
    async prepare(input) {
      await fileFor(messageId('message.prepareDragFile', input));
      return { outcome: 'ready' };
    },
    async start(input) {
      const id = messageId('message.startDragFile', input);
      let file = await fileFor(id);
      // a drop target may have moved the last copy away: write it again
      if (
        !(await access(file).then(
          () => true,
          () => false,
        ))
      ) {
        files.delete(id);
        file = await fileFor(id);
      }
      deps.startDrag(file);
      return { outcome: 'started' };
    },
  };
}
