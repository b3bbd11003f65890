// The offline-bodies methods of the contract (shared/contract-search.ts): each account's period,
// read and set. The service spreads these handlers into its own; inputs arrive validated.
import type { OfflineBodiesMethodName } from '../../../../shared/contract-search';
import type { MethodHandlers } from '../../method-handlers';
import { notFound } from '../../service-error';
import type { Store } from '../../store/store';
import type { OfflineBodiesJob } from './offline-bodies-job';

export function createOfflineBodiesHandlers(deps: {
  store: Store;
  job: OfflineBodiesJob;
}): MethodHandlers<OfflineBodiesMethodName> {
  const { store, job } = deps;
  return {
    'offlineBodies.settings': async () =>
      store.accounts
        .list()
        .map((account) => ({ accountId: account.id, period: store.offlineBodies.period(account.id) })),
    'offlineBodies.setPeriod': async ({ accountId, period }) => {
      if (!store.accounts.get(accountId)) throw notFound('The account');
      store.offlineBodies.setPeriod(accountId, period);
      job.kick();
      return { ok: true as const };
    },
  };
}
