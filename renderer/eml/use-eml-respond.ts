// Reply, Reply all and Forward from an .eml reading window: the drafts of eml-view.ts, worded
// in the user's language like the composer's own replies, from the first account (the file
// belongs to none), opened in the composer in place of the reading window.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { EmlMessage } from '../../shared/contract-desktop';
import type { Account } from '../../shared/domain';
import { useLocale } from '../app/app-services';
import type { ComposeDraft } from '../composer/compose-draft';
import { withSignature } from '../composer/signed-draft';
import { addressLabel, addressListText } from '../format/format-address';
import { formatFullDate } from '../format/format-date';
import { emlForwardDraft, emlReplyDraft } from './eml-view';

export function useEmlRespond(accounts: readonly Account[], open: (draft: ComposeDraft) => void, close: () => void) {
  const { t } = useTranslation();
  const locale = useLocale();
  return useCallback(
    (message: EmlMessage, mode: 'reply' | 'replyAll' | 'forward') => {
      const account = accounts[0];
      const accountId = account?.id ?? null;
      const date = message.date !== null ? formatFullDate(message.date, locale) : '';
      let draft: ComposeDraft;
      if (mode === 'forward') {
        const forwardHeader = [
          t('composer.forwardHeader'),
          t('composer.forwardFrom', { value: addressListText(message.from) }),
          t('composer.forwardDate', { value: date }),
          t('composer.forwardSubject', { value: message.subject }),
          t('composer.forwardTo', { value: addressListText(message.to) }),
        ].join('\n');
        draft = emlForwardDraft({ message, accountId, forwardHeader, locale });
      } else {
        const sender = message.from[0];
        draft = emlReplyDraft({
          message,
          accountId,
          all: mode === 'replyAll',
          quoteHeader: t('composer.quoteHeader', { date, sender: sender ? addressLabel(sender) : '' }),
          ownAddresses: accounts.map((item) => item.email),
          locale,
        });
      }
      close();
      open(withSignature(draft, account?.signature));
    },
    [accounts, locale, t, open, close],
  );
}
