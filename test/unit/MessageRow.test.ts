// A message row renders with the list's translate function and calls no i18n hook of its own:
// rows mount by the dozen a second while the list scrolls, and react-i18next's useTranslation
// copies the i18n instance on every mount. Rendered here without any i18n provider, so a row that
// still asked react-i18next would show bare keys instead of what the given function returns.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { MessageHeader } from '../../shared/domain';
import { MessageRow } from '../../renderer/message-list/MessageRow';

const header = {
  id: 7,
  mailboxId: 1,
  accountId: 'a',
  uid: 7,
  messageId: null,
  subject: 'Quarterly report',
  from: [{ name: 'Ada', address: 'ada@example.test' }],
  to: [],
  cc: [],
  date: Date.UTC(2026, 0, 5, 9, 30),
  size: 1_000,
  flags: { seen: false, flagged: false, answered: false, draft: false },
  keywords: ['$label1'],
  hasAttachments: false,
  snippet: 'Numbers inside',
  threadKey: 't7',
} as unknown as MessageHeader;

/** Says which key it was asked for and with what, so the markup shows where each text came from. */
const t = ((key: string, values?: Record<string, unknown>) =>
  `«${key}${values ? ` ${Object.values(values).join('|')}` : ''}»`) as unknown as TFunction;

describe('MessageRow', () => {
  it('takes its texts from the t it is given, the tag chips too', () => {
    const html = renderToStaticMarkup(
      createElement(MessageRow, {
        header,
        index: 0,
        total: 1,
        top: 0,
        selected: false,
        current: false,
        locale: 'en',
        now: Date.UTC(2026, 0, 6),
        showRecipients: false,
        onRowClick: () => {},
        t,
      }),
    );
    // the row's accessible name: the unread row's label, then the tags, all through the given t
    expect(html).toContain('aria-label="«tags.rowTagged «messageList.rowUnread Ada|Quarterly report|');
    // the chip names the known tag with the same t
    expect(html).toMatch(/class="tag-chip"[^>]*><span class="tag-dot" aria-hidden="true"><\/span>«tags\.names\.[^»]+»/);
  });
});
