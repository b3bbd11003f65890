// Opens the composer: empty, or prefilled as a reply, reply-all or forward of a message
// (whose body is read first, from the cache when it was just shown).
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, AccountId, MessageHeader } from '../../shared/domain';
import { useLocale, useTransport } from '../app/app-services';
import { addressLabel, addressListText } from '../format/format-address';
import { formatFullDate } from '../format/format-date';
import { loadMessageBody } from '../message-view/body-cache';
import { htmlToQuotableText } from '../message-view/message-html';
import { withPlainSignature } from '../../shared/signature';
import { type ComposeDraft, buildForwardDraft, buildReplyDraft, emptyDraft } from './compose-draft';

export interface OpenDraft {
  key: number;
  draft: ComposeDraft;
}

export function useCompose(accounts: readonly Account[]) {
  const { t } = useTranslation();
  const locale = useLocale();
  const transport = useTransport();
  const [open, setOpen] = useState<OpenDraft | null>(null);

  const show = (draft: ComposeDraft) => setOpen({ key: Date.now(), draft });
  // The account's signature as the settings have it now, placed as compose.prepare places it.
  const signed = (draft: ComposeDraft): ComposeDraft => {
    const signature = accounts.find((account) => account.id === draft.accountId)?.signature;
    return { ...draft, body: withPlainSignature(draft.body, signature) };
  };

  const compose = useCallback(
    (accountId: AccountId | null) => show(signed(emptyDraft(accountId ?? accounts[0]?.id ?? null))),
    [accounts],
  );

  const respond = useCallback(
    async (header: MessageHeader, mode: 'reply' | 'replyAll' | 'forward') => {
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
    [accounts, locale, t, transport],
  );

  return { open, compose, respond, reopen: show, close: () => setOpen(null) };
}
