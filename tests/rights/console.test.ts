/** `mydata`, `forget me` and `forget member` in the console, typed as a person would. */
import { describe, expect, it } from 'vitest';
import { consoleSession } from '../support/console.ts';
import { testBot } from '../support/core.ts';

/** Run `lines` through a console as `ada` and return everything it printed. */
async function session(lines: string[]): Promise<string> {
  const { bot, deps } = testBot();
  const { adapter, input, finished, printed } = consoleSession(bot, deps);
  await adapter.start();
  input.end(`${lines.join('\n')}\n`);
  await finished;
  await adapter.stop();
  return printed();
}

/** The JSON printed between the file markers of the `n`th `mydata` answer. */
function printedData(text: string, n = 0): unknown {
  const files = [...text.matchAll(/--- skillbot-data\.json ---\n([\s\S]*?)\n--- end ---/g)];
  const body = files[n]?.[1];
  if (!body) throw new Error(`no data file #${n} in:\n${text}`);
  return JSON.parse(body);
}

describe('data rights in the console', () => {
  it('shows a member their data as JSON: ids, name, timezone, check-ins', async () => {
    const text = await session(['done', 'timezone Europe/Berlin', 'mydata']);
    expect(printedData(text)).toMatchObject({
      member: {
        platform: 'console',
        userId: 'ada',
        displayName: 'ada',
        checkins: ['2026-03-04'],
        quizAnswers: {},
      },
      schedulesYouSetUp: [],
    });
    expect(JSON.stringify(printedData(text))).toContain('Europe/Berlin');
  });

  it('says when nothing is stored', async () => {
    const text = await session(['mydata']);
    expect(text).toContain('I store nothing about you in this workspace');
    expect(text).not.toContain('skillbot-data.json');
  });

  it('asks before forgetting, deletes on the button, and a second click is harmless', async () => {
    const text = await session(['done', 'forget me', 'streak', '1', '1', 'mydata', 'streak']);
    expect(text).toContain('Delete your data?');
    expect(text).toContain('[1] Delete my data');
    expect(text).toContain(
      'Done: I deleted everything I stored about you here: 1 check-in, 0 quiz answers and settings.',
    );
    expect(text).toContain(
      'There is nothing stored about you in this workspace, so there was nothing to delete.',
    );
    expect(text).toContain('I store nothing about you in this workspace');
    expect(text).toContain('No check-ins yet');
  });

  it('deletes at once with the typed confirmation', async () => {
    const text = await session(['done', 'forget me confirm', 'mydata']);
    expect(text).toContain('Done: I deleted everything I stored about you here: 1 check-in');
    expect(text).toContain('I store nothing about you in this workspace');
  });

  it('lets the prompt only delete the data of the member who asked', async () => {
    const text = await session(['done', 'forget me', ':user grace', 'done', '1', ':user ada', 'mydata']);
    expect(text).toContain('That button belongs to the person who asked');
    expect(printedData(text)).toMatchObject({ member: { userId: 'ada', checkins: ['2026-03-04'] } });
  });

  it('lets an admin delete a member by id, and leaves the admin alone', async () => {
    const text = await session([
      ':user grace',
      'done',
      ':user ada',
      'done',
      'forget member grace',
      ':user grace',
      'mydata',
      ':user ada',
      'mydata',
    ]);
    expect(text).toContain('Deleted everything stored about member grace in this workspace: 1 check-in');
    expect(text).toContain('I store nothing about you in this workspace');
    expect(printedData(text)).toMatchObject({ member: { userId: 'ada' } });
  });

  it('lists the commands in help', async () => {
    const text = await session(['help']);
    expect(text).toContain('mydata');
    expect(text).toContain('forget me [confirm]');
    expect(text).toMatch(/forget member <user>.*\(admins\)/);
  });
});
