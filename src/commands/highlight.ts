/**
 * The line of an entry that speaks most directly to a question, so an answer can lead with it
 * the way a colleague would ("the part you want is this"), before the full entry. Pure.
 */

const STOP_WORDS = new Set(
  'the and for are but not you your with how what why when where which who does did can could should would about into from that this have has was were will just like get got use using our their them they there then than its also any all some more most very really'.split(
    ' ',
  ),
);

/** A rough stem: enough to match "undoing" with "undo" and "commits" with "commit". */
function stem(word: string): string {
  return word.replace(/(ing|ed|es|s)$/, '');
}

function terms(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9+#]+/g) ?? [];
  return new Set(words.filter((w) => w.length >= 3 && !STOP_WORDS.has(w)).map(stem));
}

/** Bullet items and list items of a Markdown body, without their markers; headings are skipped. */
function candidateLines(body: string): string[] {
  return body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => /^([-*]|\d+\.)\s+/.test(line))
    .map((line) => line.replace(/^([-*]|\d+\.)\s+/, ''));
}

/**
 * The body line sharing the most words with `question`, or undefined when none shares any
 * word that is not already in the entry's title (those match every line equally badly).
 */
export function mostRelevantLine(question: string, body: string, title: string): string | undefined {
  const titleTerms = terms(title);
  const wanted = [...terms(question)].filter((t) => !titleTerms.has(t));
  if (wanted.length === 0) return undefined;
  let best: { line: string; score: number } | undefined;
  for (const line of candidateLines(body)) {
    const have = terms(line);
    const score = wanted.filter((t) => have.has(t)).length;
    if (score > 0 && (!best || score > best.score)) best = { line, score };
  }
  return best?.line;
}
