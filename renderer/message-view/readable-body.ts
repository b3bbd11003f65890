// Whether a body has anything to show in the frame. The engine gives html and text both null
// when a message has no readable part; a blank string is no better, and an empty frame reads
// as "still loading" or "broken", so either way the reader says so in words instead.
import type { MessageBody } from '../../shared/domain';

export function hasReadableBody(body: Pick<MessageBody, 'html' | 'text'>): boolean {
  return Boolean(body.html?.trim() || body.text?.trim());
}
