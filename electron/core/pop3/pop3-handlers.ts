// The handlers of shared/contract-pop3.ts, spread into the facade's table (service.ts).
import type { Pop3MethodName } from '../../../shared/contract-pop3';
import type { Account, AccountId } from '../../../shared/domain';
import type { MethodHandlers } from '../method-handlers';
import { notFound } from '../service-error';
import type { Store } from '../store/store';

export interface Pop3HandlerDeps {
  store: Store;
  accountsChanged(change: { accountId: AccountId }): void;
}

export function createPop3Handlers(deps: Pop3HandlerDeps): MethodHandlers<Pop3MethodName> {
  return {
    'accounts.setPop3Options': async ({ accountId, options }): Promise<Account> => {
      if (!deps.store.pop3.isPop3(accountId)) throw notFound('The POP3 account');
      deps.store.pop3.setOptions(accountId, options);
      deps.accountsChanged({ accountId });
      const account = deps.store.accounts.get(accountId);
      if (!account) throw notFound('The account');
      return account;
    },
  };
}
