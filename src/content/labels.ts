/**
 * Bold labels: a bullet or paragraph that starts with `**Label:**` is about "Label". Passages are
 * named by them, and an entry's `asks` are keyed by them. Pure.
 */
const LIST_MARKER = /^([-*]|\d+[.)])\s+/;
const LABEL = /^\*\*(.+?)\*\*:?/;

/** The label `text` (a bullet without its marker, or a paragraph) starts with, or ''. */
export function labelOf(text: string): string {
  return LABEL.exec(text)?.[1]?.replace(/:$/, '').trim() ?? '';
}

/** Every label that starts a line of `body`. */
export function labelsIn(body: string): Set<string> {
  const labels = body.split('\n').map((line) => labelOf(line.trim().replace(LIST_MARKER, '')));
  return new Set(labels.filter(Boolean));
}
