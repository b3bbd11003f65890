// A new message filled from a mailto: link (shared/mailto.ts reads the link). The body a link
// carries is plain text: it goes into the editor as escaped paragraphs, with the account's
// signature after it, laid out as a new message is.
import type { AccountId } from '../../shared/domain';
import type { MailtoFields } from '../../shared/mailto';
import { signatureText } from '../../shared/signature';
import { emptyDraft, type ComposeDraft } from './compose-draft';
import { escapeHtml } from './editor-html';
import { htmlSignature } from './signed-draft';

function textToHtml(text: string): string {
  return text
    .split('\n')
    .map((line) => `<p>${line === '' ? '<br>' : escapeHtml(line)}</p>`)
    .join('');
}

/**
 * The composer's draft for a link. Its Bcc addresses are kept: the composer shows the Bcc line
 * whenever a draft has one, so the user sees every recipient a link put there before sending.
 */
export function draftFromMailto(fields: MailtoFields, accountId: AccountId | null, signature?: string): ComposeDraft {
  const text = signatureText(signature);
  const body =
    (fields.body ? textToHtml(fields.body) : '<p><br></p>') + (text ? `<p><br></p>${htmlSignature(text)}` : '');
  return {
    ...emptyDraft(accountId),
    to: fields.to.join(', '),
    cc: fields.cc.join(', '),
    bcc: fields.bcc.join(', '),
    subject: fields.subject,
    body,
  };
}
