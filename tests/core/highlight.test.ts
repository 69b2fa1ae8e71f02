import { describe, expect, it } from 'vitest';
import { mostRelevantLine } from '../../src/commands/highlight.ts';
import { message, testBot } from '../support/core.ts';

const BODY = [
  '### Key concepts',
  '',
  '- **Commits:** small, focused snapshots.',
  '- **Undoing:** `git revert` reverses a shared commit; `git reflog` finds lost commits.',
  '- **Branches:** merge vs rebase.',
  '',
  '1. Learn the undo commands before you need them.',
].join('\n');

describe('mostRelevantLine', () => {
  it('GIVEN a question about undoing THEN the undo bullet leads', () => {
    expect(mostRelevantLine('how do I undo a bad commit', BODY, 'Version control')).toContain('git revert');
  });

  it('GIVEN only words from the title THEN no line is singled out', () => {
    expect(mostRelevantLine('version control?', BODY, 'Version control')).toBeUndefined();
  });

  it('GIVEN words no line has THEN nothing is singled out', () => {
    expect(mostRelevantLine('my app must remember users', BODY, 'Version control')).toBeUndefined();
  });
});

describe('answers lead with the most relevant part of the entry', () => {
  it('GIVEN "how do I undo a bad commit" THEN the reply starts with the undo commands, then the whole entry', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleMessage(message('how do I undo a bad commit', deps));
    expect(reply.title).toBe('Version control');
    const [lead, rest] = reply.text.split('\n\n', 2);
    expect(lead).toMatch(/^\*\*Most relevant to your question:\*\*.*git revert/);
    expect(rest).toContain('Why it matters');
  });

  it('GIVEN `skill git` THEN the entry is shown as it is, without a lead', async () => {
    const { bot, deps } = testBot();
    const reply = await bot.handleMessage(message('skill git', deps));
    expect(reply.text).not.toContain('Most relevant');
  });
});
