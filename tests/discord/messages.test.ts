import { afterEach, describe, expect, it } from 'vitest';
import type { Bot } from '../../src/bot.ts';
import { connect, embedText, type Harness, isChannelPost } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('messages that mention the bot', () => {
  it('answers a question as a reply, with no mentions parsed', async () => {
    h = await connect();
    const asked = h.fake.sendMessage(`<@${h.fake.ids.bot}> what is a database?`);
    const post = await h.fake.rest.waitForRequest(isChannelPost);
    expect(post.path).toBe(`/channels/${h.fake.ids.channel}/messages`);
    expect(post.body.message_reference.message_id).toBe(asked.id);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedText(post.body)).toMatch(/database/i);
    expect(embedText(post.body)).not.toMatch(/can't do that yet/i);
  });

  it('never pings @everyone or a role named in the question', async () => {
    h = await connect();
    // Words the bot does not know, so its reply quotes the question back.
    h.fake.sendMessage(`<@${h.fake.ids.bot}> xqzv @everyone blorp <@&${h.fake.ids.adminRole}> @here`, {
      mentionEveryone: true,
      mentionRoles: [h.fake.ids.adminRole],
    });
    const post = await h.fake.rest.waitForRequest(isChannelPost);
    expect(post.body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    // Nothing in the body may carry a live mass mention, and no content line can ping anyone.
    expect(JSON.stringify(post.body)).not.toMatch(/(?<!\u200b)@(everyone|here)/);
    expect(post.body.content ?? '').toBe('');
  });

  it('answers a DM without a mention', async () => {
    h = await connect();
    h.fake.sendMessage('streak', { dm: true, mentionBot: false });
    const post = await h.fake.rest.waitForRequest(isChannelPost);
    expect(post.path).toBe(`/channels/${h.fake.ids.dm}/messages`);
    expect(embedText(post.body)).toMatch(/streak/i);
    expect(post.body.allowed_mentions.parse).toEqual([]);
  });

  it('ignores bots (itself included), and server messages that do not mention it', async () => {
    h = await connect();
    h.fake.sendMessage(`<@${h.fake.ids.bot}> done`, { author: h.fake.users.bot });
    h.fake.sendMessage(`<@${h.fake.ids.bot}> done`, {
      author: { id: '190000000000000001', username: 'otherbot', global_name: null, bot: true },
    });
    h.fake.sendMessage('done', { mentionBot: false });
    h.fake.sendMessage('@everyone done', { mentionBot: false, mentionEveryone: true });
    // A marker message that is for the bot: once it is answered, the ones before it were handled.
    h.fake.sendMessage(`<@${h.fake.ids.bot}> top`);
    const post = await h.fake.rest.waitForRequest(isChannelPost);
    expect(embedText(post.body)).toMatch(/leaderboard/i);
    expect(h.fake.channelPosts()).toHaveLength(1);
    expect((await h.deps.store.exportData()).users).toEqual({});
  });

  it('counts a mention `done` for the author in this server', async () => {
    h = await connect();
    h.fake.sendMessage(`<@!${h.fake.ids.bot}>   done`);
    const post = await h.fake.rest.waitForRequest(isChannelPost);
    expect(embedText(post.body)).toMatch(/learning day/i);
    const users = Object.values((await h.deps.store.exportData()).users);
    expect(users).toMatchObject([
      { platform: 'discord', workspaceId: h.fake.ids.guild, userId: h.fake.users.alice.id },
    ]);
  });
});

describe('failures inside a handler', () => {
  function throwingOn(word: string): (bot: Bot) => Bot {
    return (bot) => ({
      ...bot,
      handleMessage(msg) {
        if (msg.text === word) throw new Error('boom in a handler');
        if (msg.text === `async ${word}`) return Promise.reject(new Error('async boom'));
        return bot.handleMessage(msg);
      },
    });
  }

  it('apologises, logs, and keeps answering', async () => {
    h = await connect({ wrapBot: throwingOn('explode') });
    const mention = `<@${h.fake.ids.bot}>`;
    h.fake.sendMessage(`${mention} explode`);
    const apology = await h.fake.rest.waitForRequest(isChannelPost);
    expect(apology.body.content).toMatch(/sorry/i);
    expect(apology.body.allowed_mentions.parse).toEqual([]);

    h.fake.sendMessage(`${mention} async explode`);
    await h.fake.rest.waitForRequest((r) => isChannelPost(r) && r !== apology);
    h.fake.sendMessage(`${mention} top`);
    const answer = await h.fake.rest.waitForRequest(
      (r) => isChannelPost(r) && /leaderboard/i.test(embedText(r.body)),
    );
    expect(answer.status).toBe(200);
    expect(h.adapter.isReady()).toBe(true);
  });
});
