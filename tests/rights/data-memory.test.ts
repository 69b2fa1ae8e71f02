import { createInMemoryStore } from '../../src/store/in-memory.ts';
import { describeDataRights } from './data-suite.ts';

describeDataRights('memory', async () => createInMemoryStore());
