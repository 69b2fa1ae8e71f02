/** Data rights use four methods of the store port; the port is `CoreDeps.store` itself. */
import type { StorePort } from '../store/port.ts';
import type { RightsStore } from './data.ts';

export function rightsStore(store: StorePort): RightsStore {
  return store;
}
