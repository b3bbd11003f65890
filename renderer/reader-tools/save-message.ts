// "Save as .eml": the desktop shell asks where with its own save dialog; the browser shell has
// none, so the raw message is downloaded as a file instead.
import type { Transport } from '../../shared/contract';
import type { MessageId } from '../../shared/domain';
import { base64ToBytes, safeFileName } from '../message-view/attachment-files';

const REVOKE_AFTER_MS = 60_000;

export type SaveOutcome = 'saved' | 'cancelled' | 'downloaded';

export async function saveMessageAsEml(transport: Transport, id: MessageId): Promise<SaveOutcome> {
  const { outcome } = await transport.invoke('message.saveEml', { id });
  if (outcome !== 'unsupported') return outcome;
  const raw = await transport.invoke('message.raw', { id });
  const url = URL.createObjectURL(new Blob([base64ToBytes(raw.dataBase64)], { type: 'message/rfc822' }));
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  const link = document.createElement('a');
  link.href = url;
  link.download = safeFileName(raw.filename, 'message.eml');
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  return 'downloaded';
}
