import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { CONSOLE_TARGET, createConsoleAdapter } from '../../adapters/console/index.ts';
import { PromptLine } from '../../adapters/console/prompt.ts';
import { renderForTerminal } from '../../adapters/console/render.ts';
import { buildPost } from '../../src/tips/post.ts';
import { testBot } from '../support/core.ts';

function terminal() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  return { stream, text: () => text };
}

const CLEAR_LINE = '\r\u001b[K';

describe('the console prompt on a terminal', () => {
  it('GIVEN a log line while the prompt waits THEN the prompt is cleared first and shown again after', () => {
    const out = terminal();
    const prompt = new PromptLine(out.stream, true);
    prompt.show();
    prompt.around(() => out.stream.write('WARN something\n'));
    expect(out.text()).toBe(`> ${CLEAR_LINE}WARN something\n> `);
  });

  it('GIVEN a scheduled post while the prompt waits THEN the post is followed by a fresh prompt', async () => {
    const { bot, deps } = testBot();
    const input = new PassThrough();
    const out = terminal();
    const adapter = createConsoleAdapter({
      ...{ bot, log: deps.log, clock: deps.clock, input, output: out.stream, user: 'ada' },
      interactive: true,
      onEnd: () => {},
    });
    await adapter.start();
    const tip = deps.content.tips[0];
    if (!tip) throw new Error('no tips in content');
    await adapter.delivery.postTip(CONSOLE_TARGET, buildPost(deps.content, tip, '2026-03-04'), 'key');
    const text = out.text();
    expect(text).toContain(`> ${CLEAR_LINE}\n`);
    expect(text.endsWith('> ')).toBe(true);
    input.end();
  });

  it('GIVEN piped input THEN no prompt and no control characters are printed', () => {
    const out = terminal();
    const prompt = new PromptLine(out.stream, false);
    prompt.show();
    prompt.around(() => out.stream.write('post\n'));
    expect(out.text()).toBe('post\n');
  });
});

describe('Markdown in the console', () => {
  const reply = {
    text: '### Key concepts\n- **Styles:** REST and `GraphQL`\n\nRead *more*.',
    visibility: 'public' as const,
  };

  it('GIVEN plain output THEN headings, bold, code and lists read without Markdown syntax', () => {
    const text = renderForTerminal(reply, { color: false });
    expect(text).toContain('Key concepts');
    expect(text).toContain('Styles: REST and GraphQL');
    expect(text).not.toMatch(/###|\*\*|`/);
  });

  it('GIVEN a terminal THEN bold text is rendered as bold, not as asterisks', () => {
    const text = renderForTerminal(reply, { color: true });
    expect(text).not.toContain('**');
  });
});
