// A draft as the contract carries it (shared/compose.ts), empty but for what a test sets: the
// sending and drafts suites and the contract's own tests all build them this way.
import type { ComposeDraft } from '../../shared/compose';

export function composeDraft(accountId: string, change: Partial<ComposeDraft> = {}): ComposeDraft {
  return {
    draftId: null,
    accountId,
    mode: 'new',
    originalId: null,
    to: '',
    cc: '',
    from: '',
    bcc: '',
    replyTo: '',
    subject: '',
    format: 'plain',
    body: '',
    inReplyTo: null,
    references: [],
    attachments: [],
    ...change,
  };
}
