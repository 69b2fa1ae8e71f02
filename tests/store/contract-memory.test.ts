import { createInMemoryStore } from '../../src/store/in-memory.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('memory', async () => {
  const store = createInMemoryStore();
  return { store, cleanup: () => store.close() };
});
