// "Save as .eml" in the desktop app: the shell's own save dialog, offered the message's subject
// as the file name, then the raw message written where the user chose. Nothing is written
// without that choice.
import { writeFile } from 'node:fs/promises';
import { methods, type MethodResult } from '../../shared/contract';
import type { MailService } from '../core/service-api';
import { ServiceError } from '../core/service-error';

export interface SaveEmlDeps {
  service: Pick<MailService, 'call'>;
  /** Electron's dialog.showSaveDialog for the main window: the chosen path, or none if cancelled. */
  askWhere: (defaultName: string) => Promise<string | undefined>;
  /** Tests write elsewhere; the app writes the file. */
  write?: (file: string, data: Buffer) => Promise<void>;
}

export async function saveEmlWithDialog(deps: SaveEmlDeps, input: unknown): Promise<MethodResult<'message.saveEml'>> {
  const parsed = methods['message.saveEml'].input.safeParse(input);
  if (!parsed.success) throw new ServiceError('invalid-input', 'Which message to save is not valid.');
  // Fetched before asking, so a message that cannot be had fails without a dialog first.
  const raw = await deps.service.call('message.raw', { id: parsed.data.id });
  const file = await deps.askWhere(raw.filename);
  if (!file) return { outcome: 'cancelled' };
  await (deps.write ?? writeFile)(file, Buffer.from(raw.dataBase64, 'base64'));
  return { outcome: 'saved' };
}
