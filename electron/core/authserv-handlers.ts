// The authserv-id methods (shared/contract-authserv.ts): the one an account's sender checks trust,
// as the user set it. The service spreads these handlers into its own; inputs arrive validated.
import type { AuthservMethodName } from '../../shared/contract-authserv';
import type { MethodHandlers } from './method-handlers';
import { notFound } from './service-error';
import type { Store } from './store/store';

export function createAuthservHandlers(store: Store): MethodHandlers<AuthservMethodName> {
  const account = (accountId: string) => {
    if (!store.accounts.get(accountId)) throw notFound('The account');
  };
  return {
    'sender.authservId': async ({ accountId }) => {
      account(accountId);
      return { authservId: store.authserv.get(accountId) };
    },
    'sender.setAuthservId': async ({ accountId, authservId }) => {
      account(accountId);
      store.authserv.set(accountId, authservId);
      return { ok: true as const };
    },
  };
}
