/**
 * The Full guide on Discord shows the whole entry, split over embeds and messages inside
 * Discord's limits, through the real discord.js client against the fake Discord.
 */
import type { APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ButtonIds } from '../../adapters/discord/custom-id.ts';
import { discordPlatform } from '../../adapters/discord/platform.ts';
import { LIMITS } from '../../adapters/discord/render.ts';
import { EMBEDS_PER_MESSAGE, MAX_MESSAGES, renderMessages } from '../../adapters/discord/render-split.ts';
import { createBot } from '../../src/bot.ts';
import { entryReply } from '../../src/commands/knowledge.ts';
import { fitReply } from '../../src/fit.ts';
import { ACTIONS } from '../../src/types.ts';
import type { Json } from '../fakes/discord/index.ts';
import { testDeps } from '../support/core.ts';
import { connect, type Harness } from './harness.ts';

const deps = testDeps();
const skills = deps.content.entries.filter((e) => e.kind === 'skill');
const lines = (body: string) =>
  body
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) + (e.description?.length ?? 0) + (e.footer?.text.length ?? 0);
const descriptions = (bodies: Json[]) =>
  bodies
    .flatMap((b) => (b.embeds ?? []) as APIEmbed[])
    .map((e) => e.description ?? '')
    .join('\n');

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('the whole guide, rendered for Discord', () => {
  it('GIVEN every skill guide THEN every line of it is shown, within the embed and message limits', () => {
    for (const entry of skills) {
      const reply = fitReply(entryReply(entry, deps.content), discordPlatform.capabilities);
      const messages = renderMessages(reply, new ButtonIds());
      expect(messages.length).toBeLessThanOrEqual(MAX_MESSAGES);
      const shown = descriptions(messages);
      for (const line of lines(entry.body))
        expect(shown, `${entry.id}: ${line.slice(0, 60)}`).toContain(line);
      for (const message of messages) {
        expect(message.embeds.length).toBeLessThanOrEqual(EMBEDS_PER_MESSAGE);
        expect(message.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
        for (const embed of message.embeds) {
          expect(embed.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.embedDescription);
        }
      }
      expect(messages[0]?.embeds[0]?.title).toBe(entry.title);
      // The related entries come after the reading, on the last message only.
      expect(messages.slice(0, -1).every((m) => m.components.length === 0)).toBe(true);
    }
  });

  it('GIVEN a guide longer than one embed THEN it takes several embeds, not a cut', () => {
    const longest = [...skills].sort((a, b) => b.body.length - a.body.length)[0];
    if (!longest) throw new Error('no skills');
    expect(longest.body.length).toBeGreaterThan(LIMITS.embedTotal);
    const messages = renderMessages(entryReply(longest, deps.content), new ButtonIds());
    expect(messages.length).toBeGreaterThan(1);
    expect(descriptions(messages)).not.toMatch(/shortened/);
  });

  it('GIVEN more text than five messages hold THEN it is cut with a pointer, still within the limits', () => {
    const paragraph = 'A sentence about indexes that goes on for a while. '.repeat(40);
    const reply = {
      title: 'Huge',
      text: Array(40).fill(paragraph).join('\n\n'),
      visibility: 'public' as const,
    };
    const messages = renderMessages(reply, new ButtonIds());
    expect(messages).toHaveLength(MAX_MESSAGES);
    expect(messages.at(-1)?.embeds.at(-1)?.description).toMatch(/shortened to fit Discord/);
    for (const m of messages) {
      expect(m.embeds.reduce((n, e) => n + embedSize(e), 0)).toBeLessThanOrEqual(LIMITS.embedTotal);
    }
  });
});

describe('the Full guide button and `skill` over the fake Discord', () => {
  const withDiscordLimits = () => createBot(testDeps(), { platforms: [discordPlatform] });
  const apis = deps.content.entry('apis');

  it('GIVEN a click on "Full guide: APIs" THEN the reply and its follow-ups hold the whole guide', async () => {
    if (!apis) throw new Error('no apis entry');
    h = await connect({ wrapBot: withDiscordLimits });
    const click = h.fake.clickButton(`${ACTIONS.entry}|apis`);
    await h.fake.waitForAnswer(click.token, (r) => r.method === 'POST' && r.path.includes('/webhooks/'));
    // The follow-ups go out one after another; wait until the last holds the buttons.
    await h.fake.waitForAnswer(click.token, (r) => (r.body?.components ?? []).length > 0);
    const answers = h.fake.answersTo(click.token);
    const bodies = answers.map((r) => (r.path.endsWith('/callback') ? r.body.data : r.body));
    expect(bodies.length).toBeGreaterThan(1);
    const shown = descriptions(bodies);
    for (const line of lines(apis.body)) expect(shown).toContain(line);
    for (const body of bodies) expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('GIVEN "@bot skill apis" in a channel THEN the reply and the messages after it hold the whole guide', async () => {
    if (!apis) throw new Error('no apis entry');
    h = await connect({ wrapBot: withDiscordLimits });
    h.fake.sendMessage(`<@${h.fake.ids.bot}> skill apis`);
    await h.fake.rest.waitForRequest(
      (r) => r.method === 'POST' && r.path.endsWith('/messages') && (r.body?.components ?? []).length > 0,
    );
    const posts = h.fake.channelPosts().map((r) => r.body);
    expect(posts.length).toBeGreaterThan(1);
    const shown = descriptions(posts);
    for (const line of lines(apis.body)) expect(shown).toContain(line);
  });
});
