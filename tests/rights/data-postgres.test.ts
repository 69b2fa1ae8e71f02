/** The data-rights suite against a real PostgreSQL server (started for the run by tests/support). */
import { describe } from 'vitest';
import { postgresUnavailable, storePerTest } from '../support/postgres.ts';
import { describeDataRights } from './data-suite.ts';

const openEmptyStore = storePerTest('rights');

describe.skipIf(postgresUnavailable !== undefined)('on PostgreSQL', () => {
  describeDataRights('postgres', openEmptyStore);
});
