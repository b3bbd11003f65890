// Files on their way into a draft (picked, dropped or pasted): checked against the limits before
// anything is read, then read and handed to `add`. What is refused is said, per file, in the
// user's language; the files that fit are still added.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComposeAttachment } from '../../shared/compose';
import { useLocale } from '../app/app-services';
import { formatSize } from '../format/format-size';
import { admitAttachments, ATTACHMENT_LIMIT_MB, TOTAL_LIMIT_MB, type AttachmentProblem } from './attachment-limits';
import { fileToAttachment, pastedImageName } from './read-attachment-file';

export function useAttachmentIntake(
  current: () => readonly ComposeAttachment[],
  add: (attachments: ComposeAttachment[]) => void,
) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);

  const describe = useCallback(
    (problem: AttachmentProblem) => {
      switch (problem.kind) {
        case 'tooLarge':
          return t('composer.attachments.tooLarge', {
            name: problem.name,
            size: formatSize(problem.size, locale),
            limit: ATTACHMENT_LIMIT_MB,
          });
        case 'totalTooLarge':
          return t('composer.attachments.totalTooLarge', { name: problem.name, limit: TOTAL_LIMIT_MB });
        case 'tooMany':
          return t('composer.attachments.tooMany', { name: problem.name });
      }
    },
    [locale, t],
  );

  const addFiles = useCallback(
    async (files: readonly File[], { pasted = false } = {}) => {
      if (files.length === 0) return;
      // A pasted picture is called "image.png" by the browser: give it a name that tells them apart.
      const generic = (name: string) => !name || (pasted && /^image\.\w+$/.test(name));
      const named = files.map((file) => ({ file, name: generic(file.name) ? pastedImageName(file.type) : file.name }));
      const { accepted, problems } = admitAttachments(
        current(),
        named.map(({ file, name }) => ({ name, size: file.size })),
      );
      const messages = problems.map(describe);
      try {
        const read = await Promise.all(
          accepted.map((index) => fileToAttachment(named[index]!.file, named[index]!.name)),
        );
        if (read.length > 0) add(read);
      } catch (failure) {
        messages.push(t('composer.attachments.unreadable', { reason: (failure as Error).message }));
      }
      setError(messages.length > 0 ? messages.join(' ') : null);
    },
    [add, current, describe, t],
  );

  return { addFiles, error, clearError: () => setError(null) };
}
