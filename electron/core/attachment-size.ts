// The largest attachment the engine hands over. An attachment travels whole, base64, over IPC
// or the browser shell's WebSocket and sits in the renderer's memory; past this a hostile (or
// merely enormous) part would take the app down instead of failing with a sentence.
import { COMPOSE_LIMITS } from '../../shared/compose';
import { ServiceError } from './service-error';

/** The same as the largest message Mail sends: what cannot be forwarded is not opened either. */
export const MAX_ATTACHMENT_BYTES = COMPOSE_LIMITS.messageBytes;

const megabytes = (bytes: number): string => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Throws a clear error when `bytes` (declared by the server, or downloaded) is over the cap. */
export function refuseOversizedAttachment(filename: string, bytes: number, cap: number = MAX_ATTACHMENT_BYTES): void {
  if (bytes <= cap) return;
  throw new ServiceError(
    'invalid-input',
    `“${filename}” is ${megabytes(bytes)}, larger than the ${megabytes(cap)} Mail can open or save. ` +
      'Open the message in your provider’s webmail to download it.',
  );
}
