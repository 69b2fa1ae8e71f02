/** `mydata`, `forget me` and `forget member` through the real Bolt app against the fake Slack (Socket Mode). */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeActionId } from '../../adapters/slack/render.ts';
import { ACTIONS } from '../../src/types.ts';
import { blockActions, eventCallback, slashCommand } from '../fakes/slack/requests.ts';
import { type Harness, startHarness, visibleText } from '../slack/harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

type Message = Record<string, unknown>;

async function slash(harness: Harness, text: string, userId = 'U0ALICE'): Promise<Message> {
  const command = slashCommand({ text, responseUrl: harness.fake.responseUrl('unused'), userId });
  const ack = await harness.fake.socket.deliver('slash_commands', command);
  return (ack.payload ?? {}) as Message;
}

let clicks = 0;
async function click(harness: Harness, button: { action_id: string; value: string }, userId = 'U0ALICE') {
  clicks += 1;
  const id = `click-${clicks}`;
  const payload = blockActions({
    actionId: button.action_id,
    value: button.value,
    responseUrl: harness.fake.responseUrl(id),
    userId,
    ephemeral: true,
  });
  await harness.fake.socket.deliver('interactive', payload);
  const fake = harness.fake;
  return (await fake.waitFor(() => fake.responses.find((r) => r.id === id), id)).body as Message;
}

/** The JSON in a message's code blocks, as the member reads it. */
function dataIn(message: Message): unknown {
  const sections = (message.blocks as { text?: { text?: string } }[]).map((b) => b.text?.text ?? '');
  const code = sections.filter((t) => t.startsWith('```')).map((t) => t.slice(3, -3));
  return JSON.parse(code.join('\n').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
}

function buttons(message: Message): { action_id: string; value: string; style?: string }[] {
  return (message.blocks as { elements?: { action_id?: string; value: string }[] }[]).flatMap((b) =>
    (b.elements ?? []).filter((e): e is { action_id: string; value: string } => Boolean(e.action_id)),
  );
}

const ADMIN = { users: { U0BOSS: { name: 'boss', isAdmin: true } } };

describe('data rights on Slack', () => {
  it('sends /skills mydata ephemerally, as JSON in a code block', async () => {
    h = await startHarness({ mode: 'socket' });
    await slash(h, 'done');
    const answer = await slash(h, 'mydata');
    expect(answer.response_type).toBe('ephemeral');
    expect(dataIn(answer)).toMatchObject({
      member: { platform: 'slack', userId: 'U0ALICE', checkins: ['2026-03-04'], quizAnswers: {} },
      schedulesYouSetUp: [],
    });
  });

  it('answers a mention asking for data with an ephemeral message, never a channel post', async () => {
    h = await startHarness({ mode: 'socket' });
    await slash(h, 'done');
    const event = {
      type: 'app_mention',
      user: 'U0ALICE',
      text: '<@U0BOT> mydata',
      ts: '1.5',
      channel: 'C0GENERAL',
    };
    await h.fake.socket.deliver('events_api', eventCallback(event));
    const fake = h.fake;
    const answer = await fake.waitFor(() => fake.state.ephemerals[0], 'the ephemeral answer');
    expect(answer.user).toBe('U0ALICE');
    expect(dataIn(answer as unknown as Message)).toMatchObject({ member: { userId: 'U0ALICE' } });
    expect(fake.state.messages.filter((m) => m.channel === 'C0GENERAL')).toHaveLength(0);
  });

  it('asks before forgetting; the button deletes for the asker only, and twice is harmless', async () => {
    h = await startHarness({ mode: 'socket' });
    await slash(h, 'done');
    const prompt = await slash(h, 'forget me');
    expect(prompt.response_type).toBe('ephemeral');
    const confirm = buttons(prompt).find((b) => decodeActionId(b.action_id) === ACTIONS.forget);
    expect(confirm?.style).toBe('danger');
    if (!confirm) throw new Error('no confirm button');

    expect(visibleText(await click(h, confirm, 'U0BOB'))).toMatch(/belongs to the person who asked/);
    expect(visibleText(await click(h, confirm))).toMatch(
      /Done: I deleted everything I stored about you here: 1 check-in/,
    );
    const again = await click(h, confirm);
    expect(again.response_type).toBe('ephemeral');
    expect(visibleText(again)).toMatch(/nothing to delete/);
    expect(visibleText(await slash(h, 'mydata'))).toMatch(/I store nothing about you/);
  });

  it('deletes at once with `forget me confirm`', async () => {
    h = await startHarness({ mode: 'socket' });
    await slash(h, 'done');
    expect(visibleText(await slash(h, 'forget me confirm'))).toMatch(/Done: I deleted/);
    expect(visibleText(await slash(h, 'mydata'))).toMatch(/I store nothing about you/);
  });

  it('lets a workspace admin forget a member by mention and refuses a member who is not one', async () => {
    h = await startHarness({ mode: 'socket', fake: ADMIN });
    await slash(h, 'done', 'U0BOB');
    const refused = await slash(h, 'forget member <@U0BOB>', 'U0ALICE');
    expect(visibleText(refused)).toMatch(/only workspace admins can delete another member/);
    expect(dataIn(await slash(h, 'mydata', 'U0BOB'))).toMatchObject({ member: { userId: 'U0BOB' } });

    const deleted = await slash(h, 'forget member U0BOB', 'U0BOSS');
    expect(deleted.response_type).toBe('ephemeral');
    expect(visibleText(deleted)).toContain('Deleted everything stored about member `U0BOB`');
    expect(visibleText(deleted)).not.toMatch(/<@U0BOB/);
    expect(visibleText(await slash(h, 'mydata', 'U0BOB'))).toMatch(/I store nothing about you/);
  });
});
