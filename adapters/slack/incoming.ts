/**
 * Slack's message markup back to the plain words a person typed, for the core. Pure.
 * Slack sends `&`, `<`, `>` escaped and wraps mentions, channels and links in `<...>`.
 * https://api.slack.com/reference/surfaces/formatting#retrieving-messages
 */

const MARKUP = /<([@#!])?([^<>|]*)(?:\|([^<>]*))?>/g;

function plainMarkup(_match: string, sigil: string | undefined, target: string, label: string | undefined) {
  if (sigil === '@') return `@${label || target}`;
  if (sigil === '#') return `#${label || target}`;
  // `<!channel>`, `<!here>`, `<!everyone>` address people, not the question: left out. A user
  // group (`<!subteam^S123|@team>`) keeps its name as words, never the ping.
  if (sigil === '!' && /^(channel|here|everyone)$/.test(target)) return ' ';
  if (sigil === '!') return `@${(label || target).replace(/^@/, '').replace(/\^.*$/, '')}`;
  return label ? `${label} (${target})` : target;
}

export function fromSlackText(text: string): string {
  return text.replace(MARKUP, plainMarkup).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The text of an `@skillbot ...` mention without the mention of the bot itself. */
export function withoutBotMention(text: string, botUserId: string): string {
  const id = botUserId.replace(/[^A-Z0-9]/gi, '');
  return text.replace(new RegExp(`<@${id}(?:\\|[^>]*)?>`, 'g'), ' ').trim();
}
