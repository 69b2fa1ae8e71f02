import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/load.ts';
import type { Tip } from '../../src/content/schema.ts';
import type { PostRecord } from '../../src/store/types.ts';
import { addDays } from '../../src/time.ts';
import { canAlternate, chooseTip, remainingInCycle } from '../../src/tips/rotation.ts';
import { makeTip, makeTips, SKILLS } from './support.ts';

function record(
  channel: string,
  date: string,
  tipId: string,
  status: PostRecord['status'] = 'sent',
): PostRecord {
  return {
    key: `${channel}:${date}`,
    platform: 'slack',
    workspaceId: 'T1',
    channelId: channel,
    date,
    tipId,
    status,
    claimedAt: `${date}T09:00:00.000Z`,
    attempts: 1,
  };
}

/** Post every day for `days` days, with the content given for each day. */
function simulate(channel: string, days: number, contentOn: (day: number) => readonly Tip[]) {
  const history: PostRecord[] = [];
  const posted: Array<{ tip: Tip; content: readonly Tip[] }> = [];
  for (let day = 0; day < days; day++) {
    const date = addDays('2026-01-01', day);
    const tips = contentOn(day);
    const tip = chooseTip({ channel, date, history, tips });
    if (!tip) throw new Error('no tip chosen');
    history.push(record(channel, date, tip.id));
    posted.push({ tip, content: tips });
  }
  return posted;
}

/**
 * The rules, checked independently of the implementation: a tip may repeat only once every tip
 * in the content at that moment has been posted since the cycle began; no skill twice running.
 */
function checkRules(posted: Array<{ tip: Tip; content: readonly Tip[] }>) {
  let cycle = new Set<string>();
  let earlyRepeats = 0;
  let sameSkillRuns = 0;
  posted.forEach(({ tip, content }, day) => {
    const current = content.map((t) => t.id);
    if (current.every((id) => cycle.has(id))) cycle = new Set();
    if (cycle.has(tip.id)) earlyRepeats++;
    cycle.add(tip.id);
    if (day > 0 && posted[day - 1]?.tip.skill === tip.skill) sameSkillRuns++;
  });
  return { earlyRepeats, sameSkillRuns };
}

describe('rotation over a simulated year', () => {
  const tips = makeTips(7);

  it('posts every tip once per cycle, never the same skill twice running, in every channel', () => {
    for (const channel of ['slack:T1:C1', 'slack:T1:C2', 'discord:G1:D1', 'console:local:console']) {
      const posted = simulate(channel, 365, () => tips);
      expect(checkRules(posted)).toEqual({ earlyRepeats: 0, sameSkillRuns: 0 });
      // Each block of 77 days is exactly the 77 tips.
      for (let start = 0; start + tips.length <= posted.length; start += tips.length) {
        const block = new Set(posted.slice(start, start + tips.length).map((p) => p.tip.id));
        expect(block.size).toBe(tips.length);
      }
    }
  });

  it('gives different channels different orders, and the same channel always the same order', () => {
    const order = (channel: string) => simulate(channel, 30, () => tips).map((p) => p.tip.id);
    expect(order('slack:T1:C1')).toEqual(order('slack:T1:C1'));
    expect(order('slack:T1:C1')).not.toEqual(order('slack:T1:C2'));
    expect(order('slack:T1:C1')[0]).not.toBe(order('discord:G1:D1')[0]);
  });

  it('keeps the rules when tip files are added and removed mid-way', () => {
    const extra = [
      makeTip('databases-extra-1', 'databases'),
      makeTip('security-extra-1', 'security'),
      makeTip('apis-extra-1', 'apis'),
    ];
    const removed = new Set(['frameworks-2', 'security-5', 'apis-1', 'communication-7', 'databases-4']);
    const contentOn = (day: number): Tip[] => {
      let current: Tip[] = [...tips];
      if (day >= 40) current = [...current, ...extra.slice(0, 2)];
      if (day >= 120) current = current.filter((t) => !removed.has(t.id));
      if (day >= 200) current = [...current, ...extra.slice(2)];
      return current;
    };
    for (const channel of ['slack:T1:C1', 'slack:T1:C7', 'discord:G1:D1']) {
      const posted = simulate(channel, 365, contentOn);
      expect(checkRules(posted)).toEqual({ earlyRepeats: 0, sameSkillRuns: 0 });
      // A new tip joins the open cycle: it is posted before any tip comes round again.
      const firstNew = posted.findIndex((p) => p.tip.id === 'databases-extra-1');
      expect(firstNew).toBeGreaterThanOrEqual(40);
      expect(firstNew).toBeLessThan(40 + tips.length);
      // A removed tip is never posted again.
      expect(posted.slice(120).some((p) => removed.has(p.tip.id))).toBe(false);
    }
  });

  it('holds for the real tip files too', () => {
    const real = loadContent('content').tips;
    if (real.length === 0) return;
    const posted = simulate('slack:T1:C1', 365, () => real);
    expect(checkRules(posted)).toEqual({ earlyRepeats: 0, sameSkillRuns: 0 });
  });

  it('keeps skills apart with uneven skills (one skill holding almost half the tips)', () => {
    const others = SKILLS.filter((s) => s !== 'databases').slice(0, 6);
    const uneven = [
      ...others.map((skill) => makeTip(`${skill}-1`, skill)),
      ...Array.from({ length: 5 }, (_, i) => makeTip(`databases-${i}`, 'databases')),
    ];
    const posted = simulate('slack:T1:C1', 110, () => uneven);
    expect(checkRules(posted)).toEqual({ earlyRepeats: 0, sameSkillRuns: 0 });
  });

  it('when the content cannot avoid a skill twice running, it still never repeats a tip early', () => {
    const lopsided = [
      makeTip('apis-1', 'apis'),
      ...Array.from({ length: 4 }, (_, i) => makeTip(`db-${i}`, 'databases')),
    ];
    const posted = simulate('slack:T1:C1', 50, () => lopsided);
    const { earlyRepeats, sameSkillRuns } = checkRules(posted);
    expect(earlyRepeats).toBe(0);
    // 4 of 5 tips share a skill: at least 2 runs per cycle are unavoidable; no more than that.
    expect(sameSkillRuns).toBeLessThanOrEqual(3 * (50 / 5));
  });
});

describe('chooseTip', () => {
  const tips = makeTips(2, 3);

  it("returns the tip already recorded for the date (today's post) even if the rotation moved on", () => {
    const history = [record('C1', '2026-03-04', 'apis-1', 'sent')];
    const tip = chooseTip({ channel: 'slack:T1:C1', date: '2026-03-04', history, tips: makeTips(2, 5) });
    expect(tip?.id).toBe('apis-1');
  });

  it('does not count failed or skipped days as posted', () => {
    const base = { channel: 'slack:T1:C1', date: '2026-03-05', tips };
    const first = chooseTip({ ...base, date: '2026-03-04', history: [] });
    const after = chooseTip({
      ...base,
      history: [
        record('C1', '2026-03-03', first?.id ?? '', 'failed'),
        record('C1', '2026-03-04', '', 'skipped'),
      ],
    });
    expect(after?.id).toBe(first?.id);
  });

  it('survives a history naming tips that no longer exist, and an empty content', () => {
    const history = [record('C1', '2026-03-01', 'gone-1'), record('C1', '2026-03-02', 'gone-2')];
    expect(chooseTip({ channel: 'c', date: '2026-03-03', history, tips })).toBeDefined();
    expect(chooseTip({ channel: 'c', date: '2026-03-03', history, tips: [] })).toBeUndefined();
  });

  it('prefers the skill posted longest ago', () => {
    const history = [
      record('C1', '2026-03-01', `${SKILLS[0]}-1`),
      record('C1', '2026-03-02', `${SKILLS[1]}-1`),
      record('C1', '2026-03-03', `${SKILLS[2]}-1`),
    ];
    const tip = chooseTip({ channel: 'slack:T1:C1', date: '2026-03-04', history, tips });
    expect(tip?.skill).toBe(SKILLS[0]);
  });
});

describe('cycle helpers', () => {
  it('a repeat in the history starts a new cycle; new ids join the open one', () => {
    const ids = new Set(['a', 'b', 'c', 'd']);
    expect(remainingInCycle(['a', 'b', 'c', 'b'], ids)).toEqual(new Set(['a', 'c', 'd']));
    expect(remainingInCycle(['a', 'b', 'c', 'd'], ids)).toEqual(ids);
  });

  it('knows when skills can still alternate', () => {
    expect(
      canAlternate(
        new Map([
          ['x', 2],
          ['y', 1],
        ]),
        'y',
      ),
    ).toBe(true);
    expect(
      canAlternate(
        new Map([
          ['x', 2],
          ['y', 1],
        ]),
        'x',
      ),
    ).toBe(false);
    expect(
      canAlternate(
        new Map([
          ['x', 3],
          ['y', 1],
        ]),
        'y',
      ),
    ).toBe(false);
  });
});
