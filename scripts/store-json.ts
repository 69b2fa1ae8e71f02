/** Writing store data as the data file's JSON, one record per line, without building one huge string. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { StoreData } from '../src/store/types.ts';

const SECTIONS = ['users', 'workspaces', 'schedules', 'posts'] as const;

export async function writeStoreJson(data: StoreData, out: Writable): Promise<void> {
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  const known = new Set<string>(['version', ...SECTIONS]);
  await write(`{\n  "version": ${JSON.stringify(data.version)}`);
  for (const key of Object.keys(data)) {
    if (!known.has(key))
      await write(
        `,\n  ${JSON.stringify(key)}: ${JSON.stringify((data as unknown as Record<string, unknown>)[key])}`,
      );
  }
  for (const section of SECTIONS) {
    const records = data[section] as Record<string, unknown>;
    const keys = Object.keys(records);
    await write(`,\n  "${section}": {`);
    for (const [index, key] of keys.entries()) {
      await write(`${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(key)}: ${JSON.stringify(records[key])}`);
    }
    await write(keys.length > 0 ? '\n  }' : '}');
  }
  await write('\n}\n');
}
