import { describe, expect, it } from 'vitest';
import { cutAtSentence, quoteUserText } from '../../src/text.ts';

describe('quoteUserText', () => {
  it.each(['<!channel>', '<!here>', '<@U123>', '<#C42>', '<@&987>', '@everyone', '@here'])(
    'GIVEN %j THEN it can no longer ping anyone',
    (hostile) => {
      const quoted = quoteUserText(`hey ${hostile} what is docker`);
      expect(quoted).not.toContain(hostile);
      expect(quoted.replace(/\u200b/g, '')).toContain(hostile);
    },
  );

  it('GIVEN a long multi-line message THEN one short line', () => {
    const quoted = quoteUserText(`first line\nsecond ${'word '.repeat(40)}`, 30);
    expect(quoted).not.toContain('\n');
    expect(quoted.length).toBeLessThanOrEqual(30);
    expect(quoted.endsWith('…')).toBe(true);
  });
});

describe('cutAtSentence', () => {
  it('GIVEN text over the limit THEN it ends at a sentence with the pointer', () => {
    const text = 'One sentence here. Another sentence follows. And a third that runs on and on.';
    const cut = cutAtSentence(text, 60, '(more)');
    expect(cut).toBe('One sentence here. Another sentence follows. (more)');
  });

  it('GIVEN text within the limit THEN it is unchanged', () => {
    expect(cutAtSentence('Short.', 50)).toBe('Short.');
  });
});
