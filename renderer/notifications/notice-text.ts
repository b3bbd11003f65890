// A new-mail notice (shared/new-mail.ts) in the user's language: the title and the line under it.
import type { TFunction } from 'i18next';
import type { NewMailNotice } from '../../shared/new-mail';

export function noticeText(notice: NewMailNotice, t: TFunction): { title: string; body: string } {
  switch (notice.kind) {
    case 'one':
      return {
        title: notice.sender || t('desktop.notify.unknownSender'),
        body: notice.subject || t('desktop.notify.noSubject'),
      };
    case 'several':
      return { title: t('desktop.notify.several', { count: notice.count }), body: notice.senders.join(', ') };
    case 'hidden':
      return {
        title: t('desktop.notify.hidden'),
        body: notice.count > 1 ? t('desktop.notify.several', { count: notice.count }) : '',
      };
  }
}
