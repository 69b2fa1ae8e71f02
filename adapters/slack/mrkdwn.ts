/**
 * CommonMark to Slack mrkdwn that can never ping or disguise a link.
 *
 * slackify-markdown does the Markdown conversion, but it passes raw HTML such as `<!channel>`
 * through untouched and leaves `<@U123>` live, and the core's text mixes content with words
 * users typed. So every `&`, `<` and `>` in the input is swapped for a private-use stand-in
 * before conversion and turned into Slack's escapes (`&amp;`, `&lt;`, `&gt;`) after it. The only
 * angle brackets left are the links slackify builds from Markdown links, and those are rewritten
 * to show their address (`text (<url>)`), so a link can never pretend to go somewhere else.
 */
import slackify from 'slackify-markdown';

const LT = '\uE000';
const GT = '\uE001';
const AMP = '\uE002';
const STAND_INS = /[\uE000-\uE002]/g;

/** Slack's three control characters, escaped. For any text Slack parses as mrkdwn. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function hideControlCharacters(markdown: string): string {
  return markdown.replace(STAND_INS, '').replace(/[&<>]/g, (c) => (c === '&' ? AMP : c === '<' ? LT : GT));
}

function revealAsEscapes(mrkdwn: string): string {
  return mrkdwn.replace(STAND_INS, (c) => (c === LT ? '&lt;' : c === GT ? '&gt;' : '&amp;'));
}

const SAFE_URL = /^https?:\/\/[^\s<>|"\uE000-\uE002]+$/;

/** A link slackify built: keep it live only for http(s), and always show where it goes. */
function rewriteLink(_match: string, encodedUrl: string, text: string | undefined): string {
  const label = text?.trim() ?? '';
  // slackify percent-encodes our `&` stand-in inside link targets; query strings need it back.
  const url = encodedUrl.replace(/%EE%80%82/gi, '&');
  if (!SAFE_URL.test(url)) return label || url;
  const target = `<${url.replace(/&/g, '&amp;')}>`;
  return label === '' || label === url ? target : `${label} (${target})`;
}

const SLACKIFY_LINK = /<([^<>|\s]+)(?:\|([^<>]*))?>/g;

const cache = new Map<string, string>();
const CACHE_SIZE = 500;

/** Convert Markdown to mrkdwn safe to send. Content repeats, so conversions are cached. */
export function toMrkdwn(markdown: string): string {
  const cached = cache.get(markdown);
  if (cached !== undefined) return cached;
  const converted = slackify(hideControlCharacters(markdown)).replace(SLACKIFY_LINK, rewriteLink).trim();
  const safe = revealAsEscapes(converted);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(markdown, safe);
  return safe;
}
