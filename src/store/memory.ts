import { emptyData, type Store, type StoreData } from './types.ts';

/** A store that keeps everything in memory: for tests, benchmarks and throwaway runs. */
export function createMemoryStore(initial: StoreData = emptyData()): Store {
  let data = structuredClone(initial);
  return {
    get data() {
      return data;
    },
    async commit(change) {
      return change(data);
    },
    async flush() {},
    async close() {
      data = structuredClone(data);
    },
    writeCount: 0,
  };
}
