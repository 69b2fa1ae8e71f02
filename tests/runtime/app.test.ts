import { afterEach, describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/adapter.ts';
import { loadConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { type RunningApp, startApp } from '../../src/runtime/app.ts';
import { freePort } from '../support/ports.ts';
import { tempDataFile } from '../support/process.ts';

/** An adapter whose connection the test controls. */
function controlledAdapter() {
  let connect!: () => void;
  const connected = new Promise<void>((resolve) => {
    connect = resolve;
  });
  const state = { ready: false, stopped: false };
  const adapter: Adapter = {
    platform: 'slack',
    delivery: { platform: 'slack', postTip: async () => ({ messageId: '1' }) },
    start: async () => {
      await connected;
      state.ready = true;
    },
    stop: async () => {
      state.stopped = true;
      state.ready = false;
    },
    isReady: () => state.ready,
    defaultTipTarget: () => undefined,
  };
  return { adapter, connect, state };
}

async function get(port: number, path: string) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`);
  return { status: response.status, body: (await response.json()) as { reasons?: string[] } };
}

const running: RunningApp[] = [];
afterEach(async () => {
  for (const app of running.splice(0)) await app.shutdown('test over');
});

describe('health while the process starts, runs and stops', () => {
  it('answers /healthz at once and /readyz only when every adapter is connected', async () => {
    const port = await freePort();
    const config = loadConfig({ DATA_FILE: tempDataFile(), HEALTH_PORT: String(port) });
    const { adapter, connect, state } = controlledAdapter();
    const starting = startApp({
      config,
      log: silentLogger,
      clock: () => new Date(),
      makeAdapters: () => [adapter],
      onFatal: () => {},
    });

    await expect.poll(() => get(port, '/healthz').then((r) => r.status), { interval: 10 }).toBe(200);
    const early = await get(port, '/readyz');
    expect(early.status).toBe(503);
    expect(early.body.reasons).toEqual(['skillbot is starting']);

    connect();
    const app = await starting;
    expect(await get(port, '/readyz')).toEqual({ status: 200, body: { status: 'ready', reasons: [] } });

    state.ready = false;
    const lost = await get(port, '/readyz');
    expect(lost.status).toBe(503);
    expect(lost.body.reasons).toEqual(['slack is not connected']);

    await app.shutdown('test');
    expect(state.stopped).toBe(true);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
  });

  it('closes the store and the health port when an adapter cannot start', async () => {
    const port = await freePort();
    const dataFile = tempDataFile();
    const config = loadConfig({ DATA_FILE: dataFile, HEALTH_PORT: String(port) });
    const broken: Adapter = {
      ...controlledAdapter().adapter,
      start: async () => Promise.reject(new Error('SLACK_BOT_TOKEN was refused by Slack')),
    };
    await expect(
      startApp({
        config,
        log: silentLogger,
        clock: () => new Date(),
        makeAdapters: () => [broken],
        onFatal: () => {},
      }),
    ).rejects.toThrow(/SLACK_BOT_TOKEN/);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // The lock was released: a second start on the same file works.
    const again = await startApp({
      config: loadConfig({ DATA_FILE: dataFile }),
      log: silentLogger,
      clock: () => new Date(),
      makeAdapters: () => [{ ...controlledAdapter().adapter, start: async () => {} }],
      onFatal: () => {},
    });
    running.push(again);
  });
});
