// The recipients of a draft (and its Reply-To), parsed from what the user typed. Sending refuses a draft with any
// entry that is not an address and names each one, with its field, so it can be corrected.
import { parseAddressList } from '../../../shared/address-parse';
import type { ComposeDraft } from '../../../shared/compose';
import type { Address } from '../../../shared/domain';

export interface InvalidEntry {
  field: 'To' | 'Cc' | 'Bcc' | 'Reply-To';
  text: string;
}

export interface DraftRecipients {
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  invalid: InvalidEntry[];
}

export function draftRecipients(draft: Pick<ComposeDraft, 'to' | 'cc' | 'bcc' | 'replyTo'>): DraftRecipients {
  const invalid: InvalidEntry[] = [];
  const field = (text: string, name: InvalidEntry['field']) => {
    const parsed = parseAddressList(text);
    for (const entry of parsed.invalid) invalid.push({ field: name, text: entry });
    return parsed.addresses;
  };
  return {
    to: field(draft.to, 'To'),
    cc: field(draft.cc, 'Cc'),
    bcc: field(draft.bcc, 'Bcc'),
    // A draft stored before Reply-To existed has none.
    replyTo: field(draft.replyTo ?? '', 'Reply-To'),
    invalid,
  };
}

/** "These are not email addresses: “anna@” (To), “Bob” (Cc). Correct them and send again." */
export function invalidRecipientsMessage(invalid: readonly InvalidEntry[]): string {
  const list = invalid.map((i) => `“${i.text.length > 80 ? `${i.text.slice(0, 80)}…` : i.text}” (${i.field})`);
  const what = invalid.length === 1 ? 'This is not an email address' : 'These are not email addresses';
  return `${what}: ${list.join(', ')}. Correct ${invalid.length === 1 ? 'it' : 'them'} and send again.`;
}
