/** The store contract against a real PostgreSQL server (started for the run by tests/support). */
import { storePerTest } from '../support/postgres.ts';
import { describeStoreContract } from './contract.ts';

const openEmptyStore = storePerTest('contract');

describeStoreContract('postgres', async () => {
  const store = await openEmptyStore();
  return { store, cleanup: () => store.close() };
});
