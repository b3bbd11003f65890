// One account's settings: its own settings (AccountSettingsFields), the senders whose remote
// images are always shown, the password, and removing the account. Each section saves on its own.
import { useTranslation } from 'react-i18next';
import type { Account } from '../../shared/domain';
import { AuthservIdSection } from '../sender/AuthservIdSection';
import { AccountPasswordForm } from './AccountPasswordForm';
import { AccountSettingsFields } from './AccountSettingsFields';
import { OfflineBodiesSection } from './OfflineBodiesSection';
import { Pop3OptionsSection } from './Pop3OptionsSection';
import { RemoteSendersSection } from './RemoteSendersSection';
import { RemoveAccountSection } from './RemoveAccountSection';
import { ServerSettingsSection } from './ServerSettingsSection';
import { SubmitRow } from './SubmitRow';
import { useAccountSettingsSave } from './use-account-settings-save';

interface AccountSettingsFormProps {
  account: Account;
  onRemoved: () => void;
}

export function AccountSettingsForm({ account, onRemoved }: AccountSettingsFormProps) {
  const { t } = useTranslation();
  const form = useAccountSettingsSave(account);

  return (
    <div className="account-settings" aria-label={t('accountSettings.formLabel', { name: account.name })} role="group">
      <form className="settings-section" onSubmit={(event) => void form.save(event)} noValidate>
        <p className="account-settings-email">{account.email}</p>
        <AccountSettingsFields
          account={account}
          values={form.values}
          onChange={form.change}
          nameInvalid={form.nameInvalid}
        />
        {form.nameInvalid && (
          <p className="form-problem" role="alert">
            {t('accountSettings.problem.name')}
          </p>
        )}
        <SubmitRow
          label={t('accountSettings.save')}
          busyLabel={t('accountSettings.saving')}
          savedText={t('accountSettings.saved')}
          busy={form.busy}
          disabled={form.busy || !form.dirty}
          outcome={form.outcome}
          primary
        />
      </form>
      {account.protocol === 'pop3' && <Pop3OptionsSection account={account} />}
      <RemoteSendersSection accountId={account.id} />
      {/* a POP3 account downloads whole messages: there are no bodies left to fetch ahead */}
      {account.protocol !== 'pop3' && <OfflineBodiesSection accountId={account.id} />}
      {/* for a POP3 account: its POP3 server (tested over POP3) and SMTP */}
      <ServerSettingsSection account={account} />
      <AuthservIdSection accountId={account.id} />
      {!account.oauthProvider && <AccountPasswordForm account={account} />}
      <RemoveAccountSection account={account} onRemoved={onRemoved} />
    </div>
  );
}
