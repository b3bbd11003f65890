// The identities methods (shared/contract-identities.ts): an account's other From addresses.
// The service spreads these into its handlers; inputs arrive validated.
import type { IdentityMethodName } from '../../../shared/contract-identities';
import type { MethodHandlers } from '../method-handlers';
import { notFound, ServiceError } from '../service-error';
import { IdentitiesRepo } from '../store/identities-repo';
import type { Store } from '../store/store';

export function createIdentityHandlers(store: Store): MethodHandlers<IdentityMethodName> {
  const repo = new IdentitiesRepo(store.db);
  return {
    'identities.list': async ({ accountId }) => repo.list(accountId),
    'identities.save': async ({ id, accountId, email, name, signature, signaturePlacement = null }) => {
      const account = store.accounts.get(accountId);
      if (!account) throw notFound('The account');
      if (email.toLowerCase() === account.email.toLowerCase())
        throw new ServiceError(
          'invalid-input',
          'That is the account’s own address; its name and signature are in its settings.',
        );
      try {
        return repo.save({ id, accountId, email, name, signature, signaturePlacement });
      } catch {
        throw notFound('The identity');
      }
    },
    'identities.remove': async ({ id }) => {
      repo.remove(id);
      return { ok: true as const };
    },
  };
}
