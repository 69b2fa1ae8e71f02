/** `mydata`, `forget` and `forget-member` through the real discord.js client against the fake Discord. */
import { afterEach, describe, expect, it } from 'vitest';
import { commandDefinitions } from '../../adapters/discord/commands.ts';
import { DMS_CLOSED, SENT_BY_DM } from '../../adapters/discord/messages.ts';
import { servedCommands } from '../../src/commands/catalog.ts';
import { userKey } from '../../src/store/types.ts';
import { connect, EPHEMERAL, embedText, type Harness } from '../discord/harness.ts';
import { error, type Json, type RecordedRequest } from '../fakes/discord/index.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const isCallback = (r: RecordedRequest) => r.path.endsWith('/callback');

async function slash(harness: Harness, sub: string, values: Record<string, string> = {}, o = {}) {
  const { token } = harness.fake.sendSlash(sub, values, o);
  return (await harness.fake.waitForAnswer(token, isCallback)).body;
}

async function click(harness: Harness, customId: string, o = {}) {
  const { token } = harness.fake.clickButton(customId, o);
  return (await harness.fake.waitForAnswer(token, isCallback)).body;
}

const buttonIdsOf = (body: Json): string[] =>
  (body?.data?.components ?? []).flatMap((row: Json) => row.components.map((c: Json) => c.custom_id));

const codeBlockJson = (text: string) => JSON.parse(/```json\n([\s\S]*)\n```/.exec(text)?.[1] ?? 'null');

describe('data rights on Discord', () => {
  it('sends /skills mydata ephemerally as JSON in a code block', async () => {
    h = await connect();
    await slash(h, 'done');
    const body = await slash(h, 'mydata');
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(body.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(codeBlockJson(embedText(body))).toMatchObject({
      member: { platform: 'discord', userId: h.fake.users.alice.id, checkins: ['2026-03-04'] },
    });
  });

  it('attaches data too long for a message as skillbot-data.json, still ephemeral', async () => {
    h = await connect();
    await slash(h, 'done');
    const key = userKey('discord', h.fake.ids.guild, h.fake.users.alice.id);
    const checkins = Array.from({ length: 400 }, (_, day) =>
      new Date(Date.UTC(2025, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
    );
    const exported = await h.deps.store.exportData();
    const alice = exported.users[key];
    if (alice) exported.users[key] = { ...alice, checkins };
    await h.deps.store.importData(exported);
    const body = await slash(h, 'mydata');
    expect(body.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(body)).toMatch(/attached as `skillbot-data\.json`/);
    const [file] = body.files;
    expect(file.name).toBe('skillbot-data.json');
    expect(JSON.parse(file.text).member.checkins).toHaveLength(400);
  });

  it('never posts personal data in a server channel: a mention gets it by direct message', async () => {
    h = await connect();
    await slash(h, 'done');
    h.fake.sendMessage(`<@${h.fake.ids.bot}> mydata`);
    const inChannel = await h.fake.rest.waitForRequest(
      (r) => r.method === 'POST' && r.path === `/channels/${h?.fake.ids.channel}/messages`,
    );
    expect(inChannel.body.content).toBe(SENT_BY_DM);
    const dm = h.fake.channelPosts().find((r) => r.path !== `/channels/${h?.fake.ids.channel}/messages`);
    expect(codeBlockJson(embedText(dm?.body)).member.checkins).toEqual(['2026-03-04']);
    expect(JSON.stringify(inChannel.body)).not.toContain('2026-03-04');
  });

  it('says where to ask when direct messages are closed, still without the data', async () => {
    h = await connect();
    await slash(h, 'done');
    h.fake.rest.failAlways(
      'POST',
      /^\/users\/@me\/channels$/,
      error(403, 50007, 'Cannot send messages to this user'),
    );
    h.fake.sendMessage(`<@${h.fake.ids.bot}> mydata`);
    const reply = await h.fake.rest.waitForRequest(
      (r) => r.method === 'POST' && /\/channels\/\d+\/messages$/.test(r.path),
    );
    expect(reply.body.content).toBe(DMS_CLOSED);
    expect(h.fake.channelPosts()).toHaveLength(1);
  });

  it('asks before /skills forget deletes, only the asker can confirm, a second click is harmless', async () => {
    h = await connect();
    await slash(h, 'done');
    const prompt = await slash(h, 'forget');
    expect(prompt.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    const [confirm] = buttonIdsOf(prompt);
    expect(confirm).toBeDefined();

    const byBob = await click(h, confirm ?? '', { user: h.fake.users.bob });
    expect(embedText(byBob)).toMatch(/belongs to the person who asked/);
    expect(embedText(await slash(h, 'mydata'))).toContain('2026-03-04');

    const done = await click(h, confirm ?? '');
    expect(done.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(embedText(done)).toMatch(/Done: I deleted everything I stored about you here: 1 check-in/);
    expect(embedText(await click(h, confirm ?? ''))).toMatch(/nothing to delete/);
    expect(embedText(await slash(h, 'mydata'))).toMatch(/I store nothing about you/);
  });

  it('lets /skills-admin forget-member delete a member for a server manager, and refuses anyone else', async () => {
    h = await connect();
    await slash(h, 'done', {}, { user: h.fake.users.bob });
    const bobId = h.fake.users.bob.id;
    const refused = await slash(h, 'forget-member', { user: `<@${bobId}>` }, { command: 'skills-admin' });
    expect(embedText(refused)).toMatch(/only workspace admins can delete another member's data/);
    expect(embedText(await slash(h, 'mydata', {}, { user: h.fake.users.bob }))).toContain('2026-03-04');

    const admin = { command: 'skills-admin', permissions: h.fake.MANAGE_GUILD };
    const deleted = await slash(h, 'forget-member', { user: `<@${bobId}>` }, admin);
    expect(deleted.data.flags & EPHEMERAL).toBe(EPHEMERAL);
    expect(deleted.data.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(embedText(deleted)).toContain(`Deleted everything stored about member \`${bobId}\``);
    expect(embedText(await slash(h, 'mydata', {}, { user: h.fake.users.bob }))).toMatch(/I store nothing/);
  });

  it('registers forget under /skills with only a confirm option, and forget-member under /skills-admin', () => {
    const [skills, admin] = commandDefinitions(servedCommands());
    const forget = skills?.options?.find((o) => o.name === 'forget') as Json;
    expect(forget.options.map((o: Json) => o.name)).toEqual(['confirm']);
    expect(skills?.options?.map((o) => o.name)).toContain('mydata');
    const forgetMember = admin?.options?.find((o) => o.name === 'forget-member') as Json;
    expect(forgetMember.options.map((o: Json) => o.name)).toEqual(['user']);
  });
});
