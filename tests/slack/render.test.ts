import { describe, expect, it } from 'vitest';
import { fromSlackText, withoutBotMention } from '../../adapters/slack/incoming.ts';
import { toMrkdwn } from '../../adapters/slack/mrkdwn.ts';
import { decodeActionId, LIMITS, renderHome, renderReply } from '../../adapters/slack/render.ts';
import { decodeShare, encodeShare } from '../../adapters/slack/share.ts';
import { ACTIONS, type Reply } from '../../src/types.ts';

const reply = (text: string, extra: Partial<Reply> = {}): Reply => ({ text, visibility: 'public', ...extra });

/**
 * Every string Slack parses for mentions and links: the fallback `text` and every mrkdwn text
 * object. (plain_text objects, used for the header and button labels, are never parsed.)
 */
function parsedBySlack(r: Reply): string {
  const rendered = renderReply(r);
  const mrkdwn: string[] = [rendered.text];
  JSON.stringify(rendered.blocks, (_key, value: unknown) => {
    const v = value as { type?: string; text?: unknown };
    if (v && v.type === 'mrkdwn' && typeof v.text === 'string') mrkdwn.push(v.text);
    return value;
  });
  return mrkdwn.join('\n');
}

/** Slack's live syntax: a mention, a special mention or a link, written with a real `<`. */
const LIVE = /<[@#!]|<http[^>]*\|/;

describe('rendering a reply as Block Kit', () => {
  it.each([
    ['<!channel> hello'],
    ['<!here> <!everyone>'],
    ['ping <@U123> and <@U123|alice>'],
    ['team <!subteam^S0123|@backend>'],
    ['click <http://evil.example|your bank>'],
    ['`<!channel>` inside code'],
    ['```\n<@U123>\n```'],
    ['&lt;!channel&gt; already escaped'],
    ['[ok](http://evil.example) disguised'],
  ])('never makes %j live', (text) => {
    const out = parsedBySlack(
      reply(text, { title: text, bullets: [text], fields: [{ label: text, value: text }] }),
    );
    expect(out.length).toBeGreaterThan(text.length * 4);
    expect(out).not.toMatch(LIVE);
    expect(out).not.toContain('<!');
  });

  it('keeps a content link working but shows where it goes', () => {
    expect(toMrkdwn('see [the docs](https://example.com/a?b=1&c=2)')).toBe(
      'see the docs (<https://example.com/a?b=1&amp;c=2>)',
    );
    expect(toMrkdwn('[run me](javascript:alert(1))')).toBe('run me');
  });

  it('converts Markdown to mrkdwn with the library (bold, lists, headings)', () => {
    const out = toMrkdwn('# Title\n\n**bold** and _em_\n\n- one\n- two');
    expect(out).toContain('*Title*');
    expect(out).toMatch(/\*bold\*/);
    expect(out).toMatch(/•\s+one/);
  });

  it('stays within Slack limits and cuts long text at a sentence with a pointer', () => {
    const sentence = 'Databases keep data safe between visits. ';
    const long = sentence.repeat(400);
    const rendered = renderReply(
      reply(long, {
        title: 'T'.repeat(400),
        buttons: [{ label: 'L'.repeat(200), actionId: 'x', value: 'v' }],
      }),
      { maxBlocks: 5 },
    );
    expect(rendered.blocks.length).toBe(5);
    for (const block of rendered.blocks) {
      const b = block as { text?: { text: string }; elements?: Array<{ text: { text: string } }> };
      if (b.text) expect(b.text.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      for (const e of b.elements ?? []) expect(e.text.text.length).toBeLessThanOrEqual(LIMITS.buttonText);
    }
    const header = rendered.blocks[0] as { text: { text: string } };
    expect(header.text.text.length).toBeLessThanOrEqual(LIMITS.headerText);
    expect(rendered.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    const sections = rendered.blocks.filter((b) => b.type === 'section') as Array<{ text: { text: string } }>;
    const last = sections.at(-1)?.text.text ?? '';
    expect(last).toMatch(/visits\. … _\(cut to fit in Slack/);
  });

  it('gives repeated core action ids unique Slack ids and gets the core id back', () => {
    const buttons = ['a', 'b', 'c'].map((option, i) => ({
      label: option,
      actionId: ACTIONS.quiz,
      value: `tip-1@2026-03-04#${i}`,
    }));
    const rendered = renderReply(reply('Quiz', { buttons }));
    const actions = rendered.blocks.find((b) => b.type === 'actions') as {
      elements: Array<{ action_id: string; value: string }>;
    };
    const ids = actions.elements.map((e) => e.action_id);
    expect(new Set(ids).size).toBe(3);
    expect(ids.map(decodeActionId)).toEqual([ACTIONS.quiz, ACTIONS.quiz, ACTIONS.quiz]);
    expect(actions.elements.map((e) => e.value)).toEqual(buttons.map((b) => b.value));
  });

  it('leaves out a button whose id or value would not survive the round trip', () => {
    const rendered = renderReply(
      reply('x', {
        buttons: [
          { label: 'ok', actionId: ACTIONS.entry, value: 'databases' },
          { label: 'too long', actionId: ACTIONS.entry, value: 'v'.repeat(2001) },
        ],
      }),
    );
    const actions = rendered.blocks.find((b) => b.type === 'actions') as { elements: unknown[] };
    expect(actions.elements).toHaveLength(1);
  });

  it('renders the Home tab with a notice on top and unique action ids', () => {
    const home = reply('Your streak', {
      buttons: [{ label: 'I learned it', actionId: ACTIONS.checkin, value: '' }],
    });
    const view = renderHome(home, 'D0ALICE', reply('Counted!', { buttons: home.buttons }));
    expect(view).toMatchObject({ type: 'home', private_metadata: 'D0ALICE' });
    const ids = JSON.stringify(view).match(/"action_id":"[^"]+"/g) ?? [];
    expect(ids).toHaveLength(1);
    expect(JSON.stringify(view.blocks[0])).toContain('Counted!');
  });
});

describe('reading Slack text', () => {
  it('turns Slack markup into the words people typed, without live mentions', () => {
    expect(fromSlackText('what is &lt;div&gt; &amp; css')).toBe('what is <div> & css');
    expect(fromSlackText('hi <@U123> <!channel> <#C1|general> <https://x.io|docs>')).toBe(
      'hi @U123   #general docs (https://x.io)',
    );
    expect(fromSlackText('ask <!subteam^S1|@backend> about <!here>')).toBe('ask @backend about  ');
    expect(withoutBotMention('<@U0BOT> what is git', 'U0BOT')).toBe('what is git');
  });

  it('round-trips what a share button carries', () => {
    const message = { kind: 'message' as const, text: 'what is docker' };
    const action = { kind: 'action' as const, actionId: ACTIONS.entry, value: 'a\nb' };
    expect(decodeShare(encodeShare(message))).toEqual(message);
    expect(decodeShare(encodeShare(action))).toEqual(action);
    expect(decodeShare('junk')).toBeUndefined();
  });
});
