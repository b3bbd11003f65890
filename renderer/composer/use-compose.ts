// Opens the composer: empty, prefilled as a reply, reply-all or forward of a message, or with a
// draft from a Drafts folder. Replies and forwards are prepared by the engine (compose.prepare:
// the original quoted in a blockquote, a forward's attachments carried along, the signature);
// when it cannot, they are built here from the body as shown, as plain text.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountId, MessageHeader, MessageId } from '../../shared/domain';
import { useLocale, useTransport } from '../app/app-services';
import { addressLabel, addressListText } from '../format/format-address';
import { formatFullDate } from '../format/format-date';
import { loadMessageBody } from '../message-view/body-cache';
import { htmlToQuotableText } from './quotable-text';
import { type ComposeDraft, buildForwardDraft, buildReplyDraft, emptyDraft, fromContractDraft } from './compose-draft';
import { withSignature } from './signed-draft';

export interface OpenDraft {
  key: number;
  draft: ComposeDraft;
}

export function useCompose(accounts: readonly Account[]) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const [open, setOpen] = useState<OpenDraft | null>(null);

  const show = useCallback((draft: ComposeDraft) => setOpen({ key: Date.now(), draft }), []);
  // The account's signature as the settings have it now, placed as compose.prepare places it.
  const signed = useCallback(
    (draft: ComposeDraft): ComposeDraft => {
      const signature = accounts.find((account) => account.id === draft.accountId)?.signature;
      return withSignature(draft, signature);
    },
    [accounts],
  );

  const compose = useCallback(
    (accountId: AccountId | null) => show(signed(emptyDraft(accountId ?? accounts[0]?.id ?? null))),
    [accounts, show, signed],
  );

  const respond = useCallback(
    async (header: MessageHeader, mode: 'reply' | 'replyAll' | 'forward') => {
      try {
        const prepared = await transport.invoke('compose.prepare', {
          mode,
          messageId: header.id,
          locale,
          timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          format: 'html',
          subjectLanguage: locale,
        });
        show(fromContractDraft(prepared));
        return;
      } catch {
        // An engine without compose.prepare, or the message gone from the cache: build it here.
      }
      let originalText = header.snippet ?? '';
      let replyTo: MessageHeader['from'] = [];
      let references: string[] = [];
      try {
        const body = await loadMessageBody(transport, header.id);
        originalText = body.text ?? htmlToQuotableText(body.html ?? '');
        replyTo = body.replyTo;
        references = body.references;
      } catch {
        // Offline and not cached: reply without the quote rather than not at all.
      }
      const date = formatFullDate(header.date, locale);
      if (mode === 'forward') {
        const forwardHeader = [
          t('composer.forwardHeader'),
          t('composer.forwardFrom', { value: addressListText(header.from) }),
          t('composer.forwardDate', { value: date }),
          t('composer.forwardSubject', { value: header.subject }),
          t('composer.forwardTo', { value: addressListText(header.to) }),
        ].join('\n');
        show(signed(buildForwardDraft({ header, originalText, forwardHeader, locale })));
        return;
      }
      const sender = header.from[0];
      show(
        signed(
          buildReplyDraft({
            header,
            replyTo,
            references,
            originalText,
            quoteHeader: t('composer.quoteHeader', { date, sender: sender ? addressLabel(sender) : '' }),
            ownAddresses: accounts.map((account) => account.email),
            all: mode === 'replyAll',
            locale,
          }),
        ),
      );
    },
    [accounts, locale, t, transport, show, signed],
  );

  /** A message of a Drafts folder, opened for editing; sending or discarding it replaces the server's copy. */
  const openDraft = useCallback(
    async (messageId: MessageId) => show(fromContractDraft(await transport.invoke('drafts.open', { messageId }))),
    [transport, show],
  );

  return { open, compose, respond, openDraft, reopen: show, close: () => setOpen(null) };
}
