// Attachments leave the app as Blob URLs: saved with a download link, or opened in a new
// window when their type cannot run script (message-html.ts decides which types those are).
import { isMethodName, type MethodInput, type MethodResult, type Transport } from '../../shared/contract';
import type { AttachmentData } from '../../shared/domain';
import { blobTypeForOpening } from './message-html';

const REVOKE_AFTER_MS = 60_000;

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let index = 0; index < binary.length; index++) bytes[index] = binary.charCodeAt(index);
  return bytes;
}

function blobUrl(data: AttachmentData, type: string): string {
  const url = URL.createObjectURL(new Blob([base64ToBytes(data.dataBase64)], { type }));
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  return url;
}

/** A file name safe to offer for download (no path separators or control characters). */
export function safeFileName(name: string, fallback: string): string {
  const cleaned = name
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_')
    .replace(/^\.+/, '')
    .trim();
  return cleaned.slice(0, 200) || fallback;
}

export function saveAttachment(data: AttachmentData, fallbackName: string): void {
  const link = document.createElement('a');
  link.href = blobUrl(data, 'application/octet-stream');
  link.download = safeFileName(data.filename, fallbackName);
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * Asks the shell to open the attachment with the system's default app. 'unsupported' in the
 * browser shell (or with an engine that predates the method): the caller falls back to a Blob.
 */
export async function openWithSystem(
  transport: Transport,
  which: MethodInput<'message.openAttachment'>,
): Promise<MethodResult<'message.openAttachment'>['outcome']> {
  if (!isMethodName('message.openAttachment')) return 'unsupported';
  return (await transport.invoke('message.openAttachment', which)).outcome;
}

export function openAttachment(data: AttachmentData, fallbackName: string): void {
  const type = blobTypeForOpening(data.contentType);
  if (type === 'application/octet-stream') {
    saveAttachment(data, fallbackName);
    return;
  }
  window.open(blobUrl(data, type), '_blank', 'noopener');
}
