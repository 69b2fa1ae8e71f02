/**
 * When is a passage a plain answer to a question, one that may stand in for "did you mean" when
 * the classifier is unsure? When its label names the question's subject, or when it holds every
 * term of the question and one of them is rare. Pure once built.
 */
import { namedBy, type Passage } from './passages.ts';
import type { PassageHit } from './search.ts';
import { processedTerms } from './terms.ts';

/** How many of the question's terms a passage must match: all of up to three, all but one of more. */
const needed = (terms: number) => (terms <= 3 ? terms : terms - 1);
/**
 * A term found in at most this share of passages names a subject on its own ("hydration",
 * "202"), even where no label carries it; then the passage must match every term of the
 * question. Shares, not counts: the content grows, and a count that was strict for 600 passages
 * lets too little through at 900.
 */
const RARE_SHARE = 0.005;
/**
 * A label names the question's subject only through a term this specific: "Relational
 * databases" does not plainly answer "which database should we use".
 */
const SPECIFIC_SHARE = 0.034;
/** A question that weighs two things against each other. */
const COMPARISON = /\b(vs\.?|versus|or|difference|differences|compared?|better)\b/i;

/** Each passage's own terms (label, heading and text, read exactly as questions are), by key. */
export function ownTermsOf(passages: readonly Passage[]): Map<string, Set<string>> {
  return new Map(passages.map((p) => [p.key, new Set(processedTerms(`${p.label} ${p.heading} ${p.text}`))]));
}
/**
 * The gate over the passages whose own terms `byKey` holds. Exact terms only: a prefix or typo match is too weak to answer on. A
 * comparison ("postgres or mongo") needs a passage about both sides, not one that mentions them
 * in passing.
 */
export function plainAnswerGate(
  byKey: ReadonlyMap<string, ReadonlySet<string>>,
  normalise: (text: string) => string,
): {
  isPlain: (hit: PassageHit, question: string, terms: string[]) => boolean;
  /** Whether a term is specific enough to name what a passage is about. */
  isSpecific: (term: string) => boolean;
  /** Whether a term names a subject on its own. */
  isRare: (term: string) => boolean;
} {
  const df = new Map<string, number>();
  for (const terms of byKey.values()) for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  const within = (limit: number) => (term: string) => (df.get(term) ?? 0) > 0 && (df.get(term) ?? 0) <= limit;
  const rare = within(Math.max(1, Math.round(RARE_SHARE * byKey.size)));
  const specific = within(Math.max(1, Math.round(SPECIFIC_SHARE * byKey.size)));
  const isPlain = (hit: PassageHit, question: string, terms: string[]) => {
    const has = byKey.get(hit.passage.key) ?? new Set<string>();
    // The label as written and as the chat language reads it: "CI/CD" names "ci" although the
    // slang table spells it out as "continuous integration and continuous delivery".
    const label = namedBy(hit.passage);
    const named = new Set([...processedTerms(label), ...processedTerms(normalise(label))]);
    const matched = terms.filter((t) => has.has(t));
    if (matched.length < needed(terms.length)) return false;
    if (COMPARISON.test(question)) {
      const namedMatched = matched.filter((t) => named.has(t));
      return namedMatched.length >= 2 && namedMatched.some(specific);
    }
    if (matched.some((t) => named.has(t) && specific(t))) return true;
    return matched.length === terms.length && matched.some(rare);
  };
  return { isPlain, isSpecific: specific, isRare: rare };
}

/** An acronym a question may ask to have spelled out: "api", "ci", "cors". */
const ACRONYM = /^[a-z]{2,6}$/;

/**
 * The passage that spells out `term` as an acronym: it writes the acronym in capitals and, nearby,
 * words whose initials spell it ("API (application programming interface)", "DNS, the Domain Name
 * System", "CORS: Cross-Origin Resource Sharing"). Passages whose label carries the acronym come
 * first. Undefined when no passage defines it.
 */
export function definingPassage(term: string, passages: readonly Passage[]): Passage | undefined {
  if (!ACRONYM.test(term)) return undefined;
  const upper = term.toUpperCase();
  const written = new RegExp(`\\b${upper}\\b`);
  // Each letter starts a word; words are joined by spaces or hyphens, with short joiners
  // ("of", "and") allowed in between.
  const joiner = String.raw`(?:[\s-]+(?:of|and|the|for|to|as|a)\b)*[\s-]+`;
  const spelled = new RegExp(`\\b${[...upper].map((letter) => `${letter}[\\w']*`).join(joiner)}\\b`, 'i');
  const defines = (p: Passage) => written.test(p.text) && spelled.test(p.text);
  const labelled = (p: Passage) => written.test(namedBy(p));
  return passages.find((p) => labelled(p) && defines(p)) ?? passages.find(defines);
}
