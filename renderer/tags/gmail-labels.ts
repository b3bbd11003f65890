// Gmail's labels on a message (X-GM-LABELS), shown beside its tags. Gmail leaves out the label of
// the folder the message is in, so "Inbox" shows only on a message seen from elsewhere (a label
// folder, search). System labels say what the app shows another way (the star, the Sent and
// Drafts folders, importance Gmail guesses) and are hidden; the Inbox, Spam and Trash are named
// in the UI's language; the user's own labels are shown by their names.
import type { TFunction } from 'i18next';
import { tagColour } from './tag-labels';

export interface ShownLabel {
  /** Unique among a message's chips: tags are keywords, labels carry this prefix. */
  keyword: string;
  name: string;
  colour: string;
}

const NAMED_SYSTEM_LABELS: Record<string, 'gmailLabels.inbox' | 'gmailLabels.spam' | 'gmailLabels.trash'> = {
  '\\inbox': 'gmailLabels.inbox',
  '\\spam': 'gmailLabels.spam',
  '\\trash': 'gmailLabels.trash',
};

/** A label as shown, or null for a hidden system label. */
export function gmailLabelName(label: string, t: TFunction): string | null {
  if (!label.startsWith('\\')) return label;
  const key = NAMED_SYSTEM_LABELS[label.toLowerCase()];
  return key ? t(key) : null;
}

export function shownGmailLabels(labels: readonly string[] | undefined, t: TFunction): ShownLabel[] {
  if (!labels?.length) return [];
  const shown: ShownLabel[] = [];
  for (const label of labels) {
    const name = gmailLabelName(label, t);
    if (name !== null) shown.push({ keyword: `gmail-label:${label}`, name, colour: tagColour(label) });
  }
  // the system ones (Inbox, Spam, Trash) first, then the user's by name
  return shown.sort(
    (a, b) => Number(!a.keyword.includes('\\')) - Number(!b.keyword.includes('\\')) || a.name.localeCompare(b.name),
  );
}
