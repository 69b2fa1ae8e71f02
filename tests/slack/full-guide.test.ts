/** The whole guide on Slack: `skill <name>` through real Bolt against the fake Slack, inside Block Kit's limits. */
import { afterEach, describe, expect, it } from 'vitest';
import { slackPlatform } from '../../adapters/slack/platform.ts';
import { CUT_POINTER, LIMITS } from '../../adapters/slack/render.ts';
import { createBot } from '../../src/bot.ts';
import { form, slashCommand } from '../fakes/slack/requests.ts';
import { testDeps } from '../support/core.ts';
import { type Harness, startHarness } from './harness.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

interface Block {
  type: string;
  text?: { text: string };
}

const content = testDeps().content;
/** The bold labels of a guide's bullets ("401 vs 403"): each names one thing the guide explains. */
const labels = (body: string) => [...body.matchAll(/^- \*\*(.+?):?\*\*/gm)].map((m) => m[1] ?? '');

describe('the whole guide on Slack', () => {
  it('GIVEN `/skills skill <name>` for every skill THEN every part is shown, in sections of at most 3,000 characters', async () => {
    h = await startHarness({
      mode: 'http',
      wrapBot: () => createBot(testDeps(), { platforms: [slackPlatform] }),
    });
    for (const entry of content.entries.filter((e) => e.kind === 'skill')) {
      const body = form(
        slashCommand({ text: `skill ${entry.id}`, responseUrl: h.fake.responseUrl('unused') }),
      );
      const answer = (await (await h.post(body)).json()) as { blocks: Block[] };
      // The blocks carry the guide; the fallback `text` is only the notification's first 3,000.
      const shown = answer.blocks.map((b) => b.text?.text ?? '').join('\n');
      expect(answer.blocks.length).toBeLessThanOrEqual(LIMITS.messageBlocks);
      for (const block of answer.blocks.filter((b) => b.type === 'section')) {
        expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.sectionText);
      }
      expect(shown).not.toContain(CUT_POINTER.slice(2, 20));
      const parts = labels(entry.body);
      expect(parts.length).toBeGreaterThan(10);
      // Code inside a label may keep its backticks in mrkdwn ("Amend (`git commit --amend`)").
      const words = shown.replace(/`/g, '');
      for (const label of parts) expect(words, `${entry.id}: ${label}`).toContain(label.replace(/`/g, ''));
    }
  });
});
