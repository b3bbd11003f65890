// What the message list shows differently for search results: each row's folder (and account,
// when there are several), and "No messages match" instead of an empty folder's text.
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Account, Mailbox, MessageHeader } from '../../shared/domain';
import { folderDisplayName } from '../sidebar/folder-name';

export interface SearchListProps {
  rowLocation?: (header: MessageHeader) => string | undefined;
  emptyText?: { title: string; hint: string };
}

export function useSearchListProps(
  searching: boolean,
  accounts: readonly Account[],
  mailboxes: readonly Mailbox[],
): SearchListProps {
  const { t } = useTranslation();
  const rowLocation = useCallback(
    (header: MessageHeader) => {
      const mailbox = mailboxes.find((item) => item.id === header.mailboxId);
      if (!mailbox) return undefined;
      const folder = folderDisplayName(mailbox, t);
      if (accounts.length < 2) return folder;
      const account = accounts.find((item) => item.id === header.accountId);
      return account ? t('search.location', { folder, account: account.name }) : folder;
    },
    [accounts, mailboxes, t],
  );
  return useMemo(
    () =>
      searching ? { rowLocation, emptyText: { title: t('search.noMatches'), hint: t('search.noMatchesHint') } } : {},
    [searching, rowLocation, t],
  );
}
