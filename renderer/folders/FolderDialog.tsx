// The folder dialogs: name a new folder or rename one, choose a folder's new parent, and confirm
// deleting a folder or emptying Trash or Junk. Each calls its `folders.*` method; the engine
// applies it at once (also offline) and a refusal the server gives later shows in the status bar.
import { useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountId, Mailbox } from '../../shared/domain';
import { folderNameProblem } from '../../shared/folder-name-rules';
import { useTransport } from '../app/app-services';
import { errorMessage } from '../app/error-message';
import { folderDisplayName } from '../sidebar/folder-name';
import type { FolderRequest } from './folder-request';
import { ChoiceField, FolderForm } from './FolderForm';
import { newParentChoices } from './folder-rules';

interface FolderDialogProps {
  request: FolderRequest;
  mailboxes: readonly Mailbox[];
  onClose: () => void;
  /** A folder was made: the window opens it. */
  onCreated?: (mailboxId: number) => void;
}

export function FolderDialog({ request, mailboxes, onClose, onCreated }: FolderDialogProps) {
  switch (request.kind) {
    case 'create':
    case 'rename':
      return <NameDialog request={request} mailboxes={mailboxes} onClose={onClose} onCreated={onCreated} />;
    case 'move':
      return <MoveDialog mailbox={request.mailbox} mailboxes={mailboxes} onClose={onClose} />;
    case 'delete':
    case 'empty':
      return <ConfirmDialog request={request} onClose={onClose} />;
    case 'syncWindow':
      return <SyncWindowDialog accountId={request.accountId} onClose={onClose} />;
  }
}

/** Runs the call, closes on success, and keeps the engine's answer on screen otherwise. */
function useSubmit(onClose: () => void) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const submit = async (call: () => Promise<unknown>) => {
    if (busy) return;
    setBusy(true);
    setProblem(null);
    try {
      await call();
      onClose();
    } catch (error) {
      setProblem(errorMessage(error, t) ?? t('common.unknownError'));
      setBusy(false);
    }
  };
  return { busy, problem, submit };
}

function NameDialog({
  request,
  mailboxes,
  onClose,
  onCreated,
}: {
  request: Extract<FolderRequest, { kind: 'create' | 'rename' }>;
  mailboxes: readonly Mailbox[];
  onClose: () => void;
  onCreated?: (mailboxId: number) => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const id = useId();
  const { busy, problem, submit } = useSubmit(onClose);
  const [name, setName] = useState(request.kind === 'rename' ? request.mailbox.name : '');
  const [touched, setTouched] = useState(false);

  const accountId = request.kind === 'create' ? request.accountId : request.mailbox.accountId;
  const parent = request.kind === 'create' ? request.parent : null;
  const delimiter =
    parent?.delimiter ??
    (request.kind === 'rename' ? request.mailbox.delimiter : null) ??
    mailboxes.find((m) => m.accountId === accountId)?.delimiter ??
    '/';
  const topLevel = request.kind === 'create' ? parent === null : request.mailbox.parentPath === null;
  const nameProblem = folderNameProblem(name, delimiter, topLevel);
  const shownProblem = touched && nameProblem ? t(`folderManagement.nameProblem.${nameProblem}`, { delimiter }) : null;

  const title =
    request.kind === 'rename'
      ? t('folderManagement.renameTitle', { folder: folderDisplayName(request.mailbox, t) })
      : parent
        ? t('folderManagement.createInTitle', { folder: folderDisplayName(parent, t) })
        : t('folderManagement.createTitle');

  const onSubmit = () => {
    setTouched(true);
    if (nameProblem) return;
    void submit(async () => {
      if (request.kind === 'rename') {
        await transport.invoke('folders.rename', { mailboxId: request.mailbox.id, name });
        return;
      }
      const { mailboxId } = await transport.invoke('folders.create', {
        accountId,
        parentId: parent?.id ?? null,
        name,
      });
      onCreated?.(mailboxId);
    });
  };

  return (
    <FolderForm
      title={title}
      problem={problem}
      submitLabel={request.kind === 'rename' ? t('folderManagement.rename') : t('folderManagement.create')}
      submitDisabled={busy}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <div className="form-field">
        <label htmlFor={`${id}-name`}>{t('folderManagement.nameField')}</label>
        <input
          id={`${id}-name`}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          value={name}
          aria-invalid={shownProblem ? true : undefined}
          aria-describedby={shownProblem ? `${id}-name-problem` : undefined}
          onChange={(event) => {
            setName(event.target.value);
            setTouched(true);
          }}
        />
        {shownProblem && (
          <p id={`${id}-name-problem`} className="form-problem">
            {shownProblem}
          </p>
        )}
      </div>
    </FolderForm>
  );
}

const TOP_LEVEL = 'top';

function MoveDialog({
  mailbox,
  mailboxes,
  onClose,
}: {
  mailbox: Mailbox;
  mailboxes: readonly Mailbox[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const { busy, problem, submit } = useSubmit(onClose);
  const choices = useMemo(
    () => newParentChoices(mailbox, mailboxes).sort((a, b) => a.path.localeCompare(b.path)),
    [mailbox, mailboxes],
  );
  const offerTop = mailbox.parentPath !== null;
  const [target, setTarget] = useState(offerTop ? TOP_LEVEL : String(choices[0]?.id ?? ''));
  const title = t('folderManagement.moveTitle', { folder: folderDisplayName(mailbox, t) });
  const label = (m: Mailbox) =>
    m.parentPath === null ? folderDisplayName(m, t) : m.path.split(m.delimiter || '/').join(' / ');

  const onSubmit = () => {
    if (target === '') return;
    const parentId = target === TOP_LEVEL ? null : Number(target);
    void submit(() => transport.invoke('folders.move', { mailboxId: mailbox.id, parentId }));
  };

  return (
    <FolderForm
      title={title}
      problem={problem}
      submitLabel={t('folderManagement.move')}
      submitDisabled={busy || target === ''}
      onSubmit={onSubmit}
      onClose={onClose}
    >
      <ChoiceField label={t('folderManagement.newParent')} value={target} onChange={setTarget}>
        {offerTop && <option value={TOP_LEVEL}>{t('folderManagement.topLevel')}</option>}
        {choices.map((choice) => (
          <option key={choice.id} value={String(choice.id)}>
            {label(choice)}
          </option>
        ))}
      </ChoiceField>
    </FolderForm>
  );
}

function ConfirmDialog({
  request,
  onClose,
}: {
  request: Extract<FolderRequest, { kind: 'delete' | 'empty' }>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const transport = useTransport();
  const { busy, problem, submit } = useSubmit(onClose);
  const folder = folderDisplayName(request.mailbox, t);
  const deleting = request.kind === 'delete';
  const title = deleting ? t('folderManagement.deleteTitle', { folder }) : t('folderManagement.emptyTitle', { folder });
  const text = deleting
    ? t('folderManagement.deleteText', { count: request.mailbox.total, folder })
    : t('folderManagement.emptyText', { count: request.mailbox.total, folder });

  return (
    <FolderForm
      title={title}
      description={text}
      alert
      problem={problem}
      submitLabel={deleting ? t('folderManagement.delete') : t('folderManagement.empty')}
      submitDisabled={busy}
      danger
      onSubmit={() =>
        void submit(() =>
          transport.invoke(deleting ? 'folders.delete' : 'folders.empty', { mailboxId: request.mailbox.id }),
        )
      }
      onClose={onClose}
    />
  );
}

/** The windows offered, in months; "all" is the default. */
const SYNC_WINDOWS = [1, 3, 6, 12, 24, 60] as const;
const ALL = 'all';

function SyncWindowDialog({ accountId, onClose }: { accountId: AccountId; onClose: () => void }) {
  const { t } = useTranslation();
  const transport = useTransport();
  const { busy, problem, submit } = useSubmit(onClose);
  const [months, setMonths] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void transport
      .invoke('sync.since', { accountId })
      .then(({ months: current }) => live && setMonths(current === null ? ALL : String(current)))
      .catch(() => live && setMonths(ALL));
    return () => {
      live = false;
    };
  }, [transport, accountId]);
  const title = t('actions.syncWindow').replace(/…$/, '');

  return (
    <FolderForm
      title={title}
      description={t('folderManagement.syncWindowHint')}
      problem={problem}
      submitLabel={t('folderManagement.save')}
      submitDisabled={busy || months === null}
      onSubmit={() => {
        if (months === null) return;
        const value = months === ALL ? null : Number(months);
        void submit(() => transport.invoke('sync.setSince', { accountId, months: value }));
      }}
      onClose={onClose}
    >
      <ChoiceField
        label={t('folderManagement.syncWindowField')}
        value={months ?? ALL}
        disabled={months === null}
        onChange={setMonths}
      >
        <option value={ALL}>{t('folderManagement.syncWindowAll')}</option>
        {SYNC_WINDOWS.map((value) => (
          <option key={value} value={String(value)}>
            {t('folderManagement.syncWindowMonths', { count: value })}
          </option>
        ))}
      </ChoiceField>
    </FolderForm>
  );
}
