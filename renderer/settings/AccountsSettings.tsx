// The Accounts tab: the accounts on the left, the chosen one's settings on the right. After a
// removal the next account is shown; with none left, the way to add one.
import { IdentitiesSettings } from './IdentitiesSettings';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import type { Account, AccountId } from '../../shared/domain';
import { AccountSettingsForm } from './AccountSettingsForm';

interface AccountsSettingsProps {
  accounts: readonly Account[];
  initialAccountId: AccountId | null;
  onAddAccount?: () => void;
}

export function AccountsSettings({ accounts, initialAccountId, onAddAccount }: AccountsSettingsProps) {
  const { t } = useTranslation();
  const [chosenId, setChosenId] = useState<AccountId | null>(initialAccountId);
  const chosen = accounts.find((account) => account.id === chosenId) ?? accounts[0] ?? null;

  if (!chosen)
    return (
      <div className="accounts-empty">
        <p>{t('accountSettings.none')}</p>
        {onAddAccount && (
          <button type="button" className="button" onClick={onAddAccount}>
            {t('sidebar.addAccount')}
          </button>
        )}
      </div>
    );

  return (
    <div className="accounts-settings">
      <ul className="accounts-list" aria-label={t('accountSettings.listLabel')}>
        {accounts.map((account) => (
          <li key={account.id}>
            <button
              type="button"
              className="accounts-list-item"
              aria-current={account.id === chosen.id ? 'true' : undefined}
              onClick={() => setChosenId(account.id)}
            >
              <span className="accounts-list-name">{account.name}</span>
              <span className="accounts-list-email">{account.email}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="accounts-detail">
        <AccountSettingsForm
          key={chosen.id}
          account={chosen}
          onRemoved={() => setChosenId(accounts.find((account) => account.id !== chosen.id)?.id ?? null)}
        />
        <IdentitiesSettings key={`identities-${chosen.id}`} account={chosen} />
      </div>
    </div>
  );
}
