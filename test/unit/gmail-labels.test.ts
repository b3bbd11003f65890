import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../renderer/i18n/en.json';
import sv from '../../renderer/i18n/sv.json';
import { gmailLabelName, shownGmailLabels } from '../../renderer/tags/gmail-labels';
import { shownTags } from '../../renderer/tags/tag-labels';

/** t over one language's strings, as the UI looks a key up (no interpolation is needed here). */
function translator(strings: object): TFunction {
  return ((key: string) =>
    key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], strings) ??
    key) as unknown as TFunction;
}

describe('Gmail labels as shown', () => {
  const t = translator(en);

  it('shows the user’s labels by name and names the Inbox, Spam and Trash, first', () => {
    const shown = shownGmailLabels(['Work', '\\Inbox', 'Abroad/2026', '\\Trash'], t);
    expect(shown.map((label) => label.name)).toEqual(['Inbox', 'Trash', 'Abroad/2026', 'Work']);
    expect(new Set(shown.map((label) => label.keyword)).size).toBe(4);
  });

  it('hides the system labels the app shows another way (star, Sent, Drafts, importance)', () => {
    for (const label of ['\\Important', '\\Starred', '\\Sent', '\\Draft', '\\Chats'])
      expect(gmailLabelName(label, t)).toBeNull();
    expect(shownGmailLabels(['\\Important', '\\Sent'], t)).toEqual([]);
    expect(shownGmailLabels(undefined, t)).toEqual([]);
  });

  it('names the system labels in Swedish too', () => {
    const swedish = translator(sv);
    expect(['\\Inbox', '\\Spam', '\\Trash'].map((label) => gmailLabelName(label, swedish))).toEqual([
      'Inkorg',
      'Skräppost',
      'Papperskorg',
    ]);
  });

  it('follows the message’s tags on the row, so its accessible name carries both', () => {
    const shown = shownTags(['$label2', '$Forwarded'], t, ['Receipts', '\\Important']);
    expect(shown.map((tag) => tag.name)).toEqual(['Work', 'Receipts']);
    // a keyword and a label of the same name stay two chips with keys of their own
    const same = shownTags(['Receipts'], t, ['Receipts']);
    expect(same.map((tag) => tag.name)).toEqual(['Receipts', 'Receipts']);
    expect(same[0]!.keyword).not.toBe(same[1]!.keyword);
  });
});
