/**
 * Scheduler fan-out: 500 subscribed channels due at the same minute, posted through a fake
 * delivery that answers some first sends with a rate limit (retry after 1 s), on the real
 * lowdb store in a temp folder. Reports the time until every channel is posted, posts per
 * channel (must be exactly 1) and how much of the time went beyond the rate-limit floor.
 *
 * Run alone: `npx tsx scripts/bench/fanout.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Answerer } from '../../src/answer/types.ts';
import { type Content, loadContent } from '../../src/content/load.ts';
import type { Tip } from '../../src/content/schema.ts';
import type { CoreDeps } from '../../src/core.ts';
import type { Delivery } from '../../src/delivery.ts';
import { DeliveryError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/lowdb.ts';
import { createScheduler } from '../../src/tips/scheduler.ts';
import type { BenchSection } from './types.ts';

const CHANNELS = 500;
const RETRY_AFTER_MS = 1_000;
/** Every tenth channel's first send is refused with a rate limit. */
const RATE_LIMITED_EVERY = 10;
/** Simulated round trip of one send. */
const SEND_MS = 5;
const DUE = Date.parse('2026-03-04T09:00:00Z');

function contentWithTips(): Content {
  const content = loadContent('content');
  if (content.tips.length > 0) return content;
  // Before the tip files exist: one stand-in tip per skill, enough for a fan-out.
  const tips: Tip[] = content.entries
    .filter((e) => e.kind === 'skill')
    .map((e) => ({
      id: `bench-${e.id}`,
      kind: 'tip',
      skill: e.id,
      title: `About ${e.title}`,
      body: e.summary,
      task: 'Try it for 15 minutes.',
      quiz: { question: 'Ready?', options: ['Yes', 'No', 'Later'], answer: 0, explanation: 'Yes.' },
      file: 'bench',
    }));
  const byId = new Map(tips.map((t) => [t.id, t]));
  return { ...content, tips, tip: (id) => byId.get(id) };
}

function fakeDelivery() {
  const posts = new Map<string, number>();
  const refused = new Set<string>();
  let sends = 0;
  const delivery: Delivery = {
    platform: 'slack',
    async postTip(target, _post, key) {
      sends++;
      await new Promise((resolve) => setTimeout(resolve, SEND_MS));
      const index = Number(target.channelId.slice(1));
      if (index % RATE_LIMITED_EVERY === 0 && !refused.has(key)) {
        refused.add(key);
        throw new DeliveryError('rate limited', 'rate_limited', RETRY_AFTER_MS);
      }
      posts.set(target.channelId, (posts.get(target.channelId) ?? 0) + 1);
      return { messageId: `${target.channelId}-${posts.get(target.channelId)}` };
    },
  };
  return { delivery, posts, refused, sends: () => sends };
}

async function runOnce(content: Content, concurrency: number) {
  const dir = mkdtempSync(join(tmpdir(), 'skillbot-fanout-'));
  const store = await openStore({ file: join(dir, 'data.json'), log: silentLogger });
  try {
    await Promise.all(
      Array.from({ length: CHANNELS }, (_, i) => {
        const where = { platform: 'slack' as const, workspaceId: 'T1', channelId: `C${i}` };
        return store.updateSchedule(where, () => ({
          ...where,
          time: '09:00',
          timezone: 'UTC',
          days: 'daily',
          source: 'command',
          createdAt: '2026-03-01T00:00:00Z',
        }));
      }),
    );
    const writesBefore = store.writeCount;
    const started = performance.now();
    // The clock reads the due minute plus the real time elapsed since the run began.
    const clock = () => new Date(DUE + (performance.now() - started));
    const deps: CoreDeps = {
      content,
      answerer: {} as Answerer,
      store,
      clock,
      settings: { defaultTimezone: 'UTC', tips: { days: 'daily', catchupHours: 3 } },
      log: silentLogger,
    };
    const fake = fakeDelivery();
    const scheduler = createScheduler(deps, { concurrency });
    scheduler.addDelivery(fake.delivery);
    await scheduler.tick();
    const ms = performance.now() - started;
    const perChannel = Array.from({ length: CHANNELS }, (_, i) => fake.posts.get(`C${i}`) ?? 0);
    const sent = Object.values((await store.exportData()).posts).filter((r) => r.status === 'sent').length;
    return {
      ms,
      perChannel,
      sent,
      sends: fake.sends(),
      refused: fake.refused.size,
      writes: store.writeCount - writesBefore,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function runFanoutBench(): Promise<BenchSection> {
  const content = contentWithTips();
  // A refused channel cannot finish before its refused send, the wait, and the second send.
  const floorMs = RETRY_AFTER_MS + 2 * SEND_MS;
  const rows: BenchSection['rows'] = [];
  let exact = true;
  for (const concurrency of [8, 32]) {
    const run = await runOnce(content, concurrency);
    const min = Math.min(...run.perChannel);
    const max = Math.max(...run.perChannel);
    exact &&= min === 1 && max === 1 && run.sent === CHANNELS;
    rows.push({
      channels: CHANNELS,
      'sends at once': concurrency,
      'rate-limited sends': run.refused,
      'all posted (ms)': Math.round(run.ms),
      'posts per channel (min-max)': `${min}-${max}`,
      'platform calls': run.sends,
      'store writes': run.writes,
      'beyond floor': `${Math.round((Math.max(0, run.ms - floorMs) / run.ms) * 100)}%`,
    });
  }
  return {
    title: 'Scheduler fan-out (500 channels due at the same minute)',
    rows,
    notes: [
      `Fake delivery: ${SEND_MS} ms per send; every ${RATE_LIMITED_EVERY}th channel's first send is refused with "retry after ${RETRY_AFTER_MS / 1000} s". Real lowdb store in a temp folder.`,
      `Rate-limit floor: ${floorMs} ms (a refused channel needs its refused send, the wait and one more send). "beyond floor" is the share of the total time spent past it.`,
      'Rate-limit waits do not hold a send slot, so refused channels never delay the others.',
      exact ? 'Every channel got exactly 1 post.' : 'MISSED: some channel did not get exactly 1 post.',
    ],
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const section = await runFanoutBench();
  console.log(`## ${section.title}\n`);
  console.table(section.rows);
  for (const note of section.notes) console.log(`- ${note}`);
}
