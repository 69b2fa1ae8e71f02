/**
 * "go" and "be" are everyday verbs and also chat shorthand (the Go language, "BE" for back
 * end): which one a message means, from the words around them.
 */

const LANGUAGE_NEIGHBOURS = new Set(
  'vs versus or and learn learning use using python java node nodejs rust javascript typescript csharp php ruby kotlin'.split(
    ' ',
  ),
);
const ROLE_BEFORE = new Set(['fe', 'frontend', 'vs', 'versus', 'or', 'and', 'for', 'into']);
const ROLE_AFTER = new Set(
  'dev devs developer developers engineer engineers job jobs role roles salary team work vs or side roadmap'.split(
    ' ',
  ),
);

/** Words after "go" that make it the language ("a go project", "go generics"), never the verb. */
const GO_AFTER = new Set(
  `project projects code codebase service services module modules backend developer developers dev
  devs program programs binary binaries struct structs interface interfaces generics error errors
  channel channels routine routines goroutine goroutines runtime compiler toolchain version
  microservice microservices ecosystem community package packages library libraries framework
  frameworks file files app apps api apis lang`.split(/\s+/),
);

/** Words before "go" that make it the language ("written in go", "rewrite it with go"). */
const GO_BEFORE = new Set([
  'in',
  'with',
  'write',
  'writing',
  'written',
  'wrote',
  'rewrite',
  'rewriting',
  'rewrote',
  'port',
  'porting',
]);

/** "in go back", "with go ahead": the verb after all. */
const GO_AFTER_VERB = new Set([
  'ahead',
  'back',
  'away',
  'through',
  'out',
  'on',
  'up',
  'down',
  'over',
  'live',
  'home',
  'to',
  'for',
  'into',
]);

/** Words that join "go" to another language ("python or go") rather than say it is one. */
const JOINERS = new Set(['vs', 'versus', 'or', 'and']);

/** Whether the word next to "go" (in direction `step`) says it is the language. */
function languageNeighbour(words: readonly string[], i: number, step: 1 | -1): boolean {
  const next = words[i + step] ?? '';
  if (!LANGUAGE_NEIGHBOURS.has(next)) return false;
  // "chess or go" is a board game: a joiner counts only with a language on its far side.
  return !JOINERS.has(next) || LANGUAGE_NEIGHBOURS.has(words[i + 2 * step] ?? '');
}

/** The technical reading of "go" or "be" at position i, when a neighbour says it is one. */
export function technicalReading(words: readonly string[], i: number): string | undefined {
  const word = words[i];
  const before = words[i - 1] ?? '';
  const after = words[i + 1] ?? '';
  if (word === 'go' && (languageNeighbour(words, i, -1) || languageNeighbour(words, i, 1))) return 'golang';
  if (word === 'go' && (GO_AFTER.has(after) || (GO_BEFORE.has(before) && !GO_AFTER_VERB.has(after))))
    return 'golang';
  if (word === 'be' && (ROLE_BEFORE.has(before) || ROLE_AFTER.has(after))) return 'backend';
  return undefined;
}

/**
 * "go" and "be" are everyday verbs and also chat shorthand (the Go language, "BE" for back end).
 * Keep them as the technical word only when a neighbour says so; otherwise drop them.
 */
export function resolveAmbiguous(words: string[]): string[] {
  return words.flatMap((word, i) => {
    if (word !== 'go' && word !== 'be') return [word];
    const technical = technicalReading(words, i);
    return technical ? [technical] : [];
  });
}
