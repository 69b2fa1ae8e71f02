/** Text helpers every renderer shares. Pure. */

const MASS_MENTIONS = /@(everyone|here|channel)\b/gi;

/** Platform mention syntax: `<@U1>`, `<!here>`, `<#C1>`, `<@&role>`. */
const MENTION_SYNTAX = /<(?=[@#!&])/g;

/**
 * Prepare text a user wrote for quoting back: one line, at most `max` characters, mass mentions
 * and mention syntax defused with a zero-width space. Platform escaping (Slack's &, <, >) still
 * happens in the adapter; this is the core's own belt to the adapters' braces.
 */
export function quoteUserText(text: string, max = 80): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const short = oneLine.length > max ? `${oneLine.slice(0, max - 1).trimEnd()}…` : oneLine;
  return short.replace(MASS_MENTIONS, '@\u200b$1').replace(MENTION_SYNTAX, '<\u200b');
}

/**
 * Cut `text` to at most `max` characters, ending at a sentence (or, failing that, a word)
 * boundary, then append `pointer` (e.g. "… (more: `skill databases`)").
 */
export function cutAtSentence(text: string, max: number, pointer = '…'): string {
  if (text.length <= max) return text;
  const room = Math.max(0, max - pointer.length - 1);
  const head = text.slice(0, room);
  const sentenceEnd = Math.max(head.lastIndexOf('. '), head.lastIndexOf('.\n'), head.lastIndexOf('\n\n'));
  const wordEnd = head.lastIndexOf(' ');
  const end = sentenceEnd > room * 0.5 ? sentenceEnd + 1 : wordEnd > room * 0.5 ? wordEnd : room;
  return `${head.slice(0, end).trimEnd()} ${pointer}`.slice(0, max);
}
