import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { describeStoreContract } from './contract.ts';

describeStoreContract('JSON file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-contract-'));
  const store = await openStore({ file: join(dir, 'data.json'), log: silentLogger });
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
