import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, startBot, tempDataFile } from '../support/process.ts';

const BURST = 400;
const SIGNAL_AFTER = 40;

describe('SIGTERM in the middle of a burst of check-ins', () => {
  it('exits 0, releases the lock and keeps every confirmed check-in', async () => {
    const dataFile = tempDataFile();
    const child = startBot({ DATA_FILE: dataFile });
    const finished = collect(child);
    const confirmed: string[] = [];
    let actingAs = '';
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const acting = /^\(now acting as (\S+)\)$/.exec(line);
        if (acting?.[1]) actingAs = acting[1];
        if (/Counted/.test(line)) confirmed.push(actingAs);
        if (confirmed.length === SIGNAL_AFTER && /Counted/.test(line)) child.kill('SIGTERM');
      }
    });
    for (let i = 0; i < BURST; i += 1) child.stdin.write(`:user member${i}\ndone\n`);

    const result = await finished;
    expect(result.code).toBe(0);
    expect(existsSync(`${dataFile}.lock`)).toBe(false);
    expect(confirmed.length).toBeGreaterThanOrEqual(SIGNAL_AFTER);
    expect(confirmed.length).toBeLessThan(BURST);
    const data = JSON.parse(readFileSync(dataFile, 'utf8'));
    const saved = new Set(Object.values(data.users).map((u) => (u as { userId: string }).userId));
    for (const user of confirmed) expect(saved.has(user)).toBe(true);
  });
});
