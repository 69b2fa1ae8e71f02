/** A reply's file (a member's data as JSON) on each platform: whole in a code block, or split or attached, never cut silently. */
import { describe, expect, it } from 'vitest';
import { renderForTerminal } from '../../adapters/console/render.ts';
import { ButtonIds } from '../../adapters/discord/custom-id.ts';
import { LIMITS as DISCORD, renderReply as renderDiscord } from '../../adapters/discord/render.ts';
import { renderReply as renderSlack } from '../../adapters/slack/render.ts';
import type { Reply } from '../../src/types.ts';

function dataReply(checkins: number, displayName = 'Ada'): Reply {
  const dates = Array.from({ length: checkins }, (_, i) =>
    new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
  );
  const member = { platform: 'slack', workspaceId: 'T1', userId: 'U0ADA', displayName, checkins: dates };
  return {
    title: 'Your data',
    text: 'This is everything I store about you.',
    file: { filename: 'skillbot-data.json', language: 'json', content: JSON.stringify({ member }, null, 2) },
    visibility: 'private',
    personal: true,
  };
}

const sectionTexts = (blocks: unknown[]) =>
  blocks.flatMap((b) => {
    const text = (b as { text?: { text?: string } }).text?.text;
    return text ? [text] : [];
  });

/** The file's text as Slack shows it, code blocks joined, escapes undone. */
function slackFileText(blocks: unknown[]): string {
  return sectionTexts(blocks)
    .filter((t) => t.startsWith('```'))
    .map((t) => t.slice(3, -3))
    .join('\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

describe('a reply carrying a file', () => {
  it('prints the whole file in the console, unchanged', () => {
    const reply = dataReply(800);
    const out = renderForTerminal(reply);
    expect(out).toContain(reply.file?.content);
    expect(out).toContain('skillbot-data.json');
  });

  it('shows a short file in one Slack code block, escaped so nothing in it can ping', () => {
    const reply = dataReply(3, '<!channel> <@U0BOSS>');
    const { blocks, text } = renderSlack(reply);
    const code = sectionTexts(blocks).filter((t) => t.startsWith('```'));
    expect(code).toHaveLength(1);
    expect(code[0]).not.toMatch(/<[@!]/);
    expect(slackFileText(blocks)).toBe(reply.file?.content);
    expect(text).not.toContain('2020-01-01');
  });

  it('splits a long file over Slack code blocks, says so, and loses nothing', () => {
    const reply = dataReply(1500);
    const { blocks } = renderSlack(reply);
    expect(blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(blocks)).toContain('split over');
    for (const t of sectionTexts(blocks)) expect(t.length).toBeLessThanOrEqual(3000);
    expect(JSON.parse(slackFileText(blocks))).toEqual(JSON.parse(reply.file?.content ?? ''));
  });

  it('cuts a file beyond a whole Slack message and says how much is shown', () => {
    const reply = dataReply(12_000);
    const { blocks } = renderSlack(reply);
    expect(blocks).toHaveLength(50);
    expect(JSON.stringify(blocks)).toMatch(/Cut to fit in one Slack message: [\d,]+ of [\d,]+ characters/);
  });

  it('shows a short file in a Discord code block and attaches a long one', () => {
    const ids = new ButtonIds();
    const short = renderDiscord(dataReply(3), ids);
    expect(short.files).toBeUndefined();
    expect(short.embeds[0]?.description).toContain('```json\n{');
    expect(short.embeds[0]?.description).toContain('"2020-01-03"');

    const reply = dataReply(400);
    const long = renderDiscord(reply, ids);
    const description = long.embeds[0]?.description ?? '';
    expect(description.length).toBeLessThanOrEqual(DISCORD.embedDescription);
    expect(description).toMatch(
      /more than a Discord message shows, so it is attached as `skillbot-data.json`/,
    );
    expect(description).not.toContain('2020-01-01');
    expect(long.files?.[0]?.name).toBe('skillbot-data.json');
    expect(long.files?.[0]?.attachment.toString('utf8')).toBe(reply.file?.content);
  });
});
