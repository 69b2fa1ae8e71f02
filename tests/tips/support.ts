/** Inline tips, content, deps and a fake platform for the skill-of-the-day tests. */
import type { Answerer } from '../../src/answer/types.ts';
import type { Content } from '../../src/content/load.ts';
import type { Entry, Tip } from '../../src/content/schema.ts';
import type { CoreDeps } from '../../src/core.ts';
import type { Delivery, TipTarget } from '../../src/delivery.ts';
import type { DeliveryError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { createInMemoryStore } from '../../src/store/in-memory.ts';
import type { StorePort } from '../../src/store/port.ts';
import type { Schedule } from '../../src/store/types.ts';
import type { ActionEvent, Incoming, Platform, Reply } from '../../src/types.ts';

export const SKILLS = [
  'programming-languages',
  'frameworks',
  'version-control',
  'databases',
  'apis',
  'servers-deployment',
  'data-structures-algorithms',
  'problem-solving',
  'communication',
  'frontend-basics',
  'security',
];

export function makeTip(id: string, skill: string): Tip {
  return {
    id,
    kind: 'tip',
    skill,
    title: `Tip ${id}`,
    body: `Body of ${id}.`,
    task: `Task for ${id}.`,
    asks: [],
    quiz: {
      question: `Question about ${id}?`,
      options: ['Option A', 'Option B', 'Option C'],
      answer: 1,
      explanation: `Because ${id}.`,
    },
    file: `content/tips/${id}.md`,
  };
}

/** `perSkill` tips for each of the first `skills` skills, ids like `databases-3`. */
export function makeTips(perSkill = 7, skills = SKILLS.length): Tip[] {
  return SKILLS.slice(0, skills).flatMap((skill) =>
    Array.from({ length: perSkill }, (_, i) => makeTip(`${skill}-${i + 1}`, skill)),
  );
}

export function makeContent(tips: readonly Tip[]): Content {
  const entries: Entry[] = SKILLS.map((id) => ({
    id,
    kind: 'skill',
    title: id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase()),
    summary: id,
    aliases: [],
    related: [],
    asks: {},
    questions: [],
    vocabulary: [],
    body: id,
    file: `content/skills/${id}.md`,
  }));
  const byId = new Map(entries.map((e) => [e.id, e]));
  const tipById = new Map(tips.map((t) => [t.id, t]));
  return {
    entries,
    tips,
    bot: [],
    offTopic: [],
    language: { slang: [], misspellings: [] },
    entry: (id) => byId.get(id),
    tip: (id) => tipById.get(id),
  };
}

export function tipDeps(
  options: { tips?: readonly Tip[]; store?: StorePort; catchupHours?: number; tipTime?: string } = {},
): CoreDeps {
  return {
    content: makeContent(options.tips ?? makeTips()),
    answerer: {} as Answerer,
    store: options.store ?? createInMemoryStore(),
    clock: () => new Date(),
    settings: {
      defaultTimezone: 'UTC',
      tips: { days: 'weekdays', catchupHours: options.catchupHours ?? 3, time: options.tipTime },
    },
    log: silentLogger,
  };
}

export const target = (channelId: string, platform: Platform = 'slack'): TipTarget => ({
  platform,
  workspaceId: 'T1',
  channelId,
});

export async function addSchedule(
  store: StorePort,
  where: TipTarget,
  fields: Partial<Schedule> & Pick<Schedule, 'time' | 'timezone'>,
): Promise<void> {
  await store.updateSchedule(where, () => ({
    ...where,
    days: 'daily',
    source: 'command',
    createdAt: '2020-01-01T00:00:00.000Z',
    ...fields,
  }));
}

export function origin(where: TipTarget, user = 'alice', isAdmin = true) {
  return { ...where, userId: user, displayName: user, isAdmin, at: new Date() };
}

export const say = (text: string, where: TipTarget, user = 'alice', isAdmin = true): Incoming => ({
  ...origin(where, user, isAdmin),
  text,
});

export const click = (actionId: string, value: string, where: TipTarget, user = 'alice'): ActionEvent => ({
  ...origin(where, user),
  actionId,
  value,
});

export interface FakeMessage {
  id: string;
  key: string;
  target: TipTarget;
  post: Reply;
  at: Date;
}

export interface FakePlatformOptions {
  platform?: Platform;
  /** How long a send takes (fake timers). */
  latencyMs?: number;
  /** Offer `findPosted` (Slack-like); without it, sends are deduplicated by key (Discord nonce). */
  withFind?: boolean;
  /** Return an error to make this call fail; `call` counts sends for the key from 1. */
  fail?: (key: string, call: number) => DeliveryError | undefined;
  /** Whether a send in flight during `crash()` reached the platform anyway. */
  landsOnCrash?: () => boolean;
}

/** A platform that records messages, can fail sends, and can "crash" the process mid-send. */
export function createFakePlatform(options: FakePlatformOptions = {}) {
  const messages: FakeMessage[] = [];
  const calls: Array<{ key: string; at: Date }> = [];
  let pending: Array<{ land: () => string; fails: boolean }> = [];
  let seq = 0;

  function land(where: TipTarget, post: Reply, key: string): string {
    const existing = options.withFind ? undefined : messages.find((m) => m.key === key);
    if (existing) return existing.id;
    const id = `m${++seq}`;
    messages.push({ id, key, target: where, post, at: new Date() });
    return id;
  }

  const delivery: Delivery = {
    platform: options.platform ?? 'slack',
    postTip(where, post, key) {
      calls.push({ key, at: new Date() });
      const error = options.fail?.(key, calls.filter((c) => c.key === key).length);
      return new Promise((resolve, reject) => {
        const entry = { land: () => land(where, post, key), fails: error !== undefined };
        pending.push(entry);
        setTimeout(() => {
          if (!pending.includes(entry)) return; // The process "died": no answer ever comes.
          pending = pending.filter((p) => p !== entry);
          if (error) reject(error);
          else resolve({ messageId: entry.land() });
        }, options.latencyMs ?? 0);
      });
    },
    ...(options.withFind
      ? {
          async findPosted(_where: TipTarget, key: string, since: Date) {
            return messages.find((m) => m.key === key && m.at >= since)?.id ?? null;
          },
        }
      : {}),
  };

  return {
    delivery,
    messages,
    calls,
    /** Sends in flight never answer; each lands on the platform or not. */
    crash() {
      for (const entry of pending) if (!entry.fails && options.landsOnCrash?.()) entry.land();
      pending = [];
    },
    countFor: (key: string) => messages.filter((m) => m.key === key).length,
  };
}
