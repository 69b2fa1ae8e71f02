import { describe, expect, it } from 'vitest';
import { lexiconSpellings } from '../../src/answer/lexicon.ts';
import { analyzeQuery, WordReader } from '../../src/answer/query.ts';
import { BOOST, buildIndex, EntrySearch, searchTerms } from '../../src/answer/search.ts';
import { createCorrector } from '../../src/answer/typos.ts';
import { buildVocabulary } from '../../src/answer/vocabulary.ts';
import { loadContent } from '../../src/content/load.ts';

const content = loadContent('content');
const vocabulary = buildVocabulary(content.entries);
const reader = new WordReader(vocabulary, createCorrector(vocabulary.rawWords, lexiconSpellings()));

describe('the entry search', () => {
  it.each([
    'how do i undo a bad commit',
    'postgres or mongo for a new project, we mostly store orders',
    'nginx gives 502 bad gateway right after deploy',
    'how much do backend devs make',
  ])('GIVEN %j THEN the same BM25 scores as one MiniSearch OR query over the same terms', (question) => {
    const query = analyzeQuery(question, reader);
    const trust = searchTerms(query);
    const direct = buildIndex(content.entries).search([...trust.keys()].join(' '), {
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term,
      boost: BOOST,
      boostTerm: (term) => trust.get(term) ?? 1,
      prefix: (term) => term.length >= 4,
    });
    const search = new EntrySearch(content, vocabulary);
    // Twice: the second time from the remembered per-term scores.
    for (let round = 0; round < 2; round++) {
      const scores = new Map(search.candidates(query).map((c) => [c.entry.id, c.score]));
      expect(scores.size).toBe(direct.length);
      for (const result of direct) expect(scores.get(String(result.id))).toBeCloseTo(result.score, 6);
    }
  });

  it('GIVEN a kind THEN only entries of that kind', () => {
    const search = new EntrySearch(content, vocabulary);
    const kinds = search
      .candidates(analyzeQuery('salary for backend skills', reader), 'faq')
      .map((c) => c.entry.kind);
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['faq']));
  });
});

describe('reading words', () => {
  it('GIVEN the same word twice THEN equal readings that do not share marks', () => {
    const first = reader.read('postgres');
    first.compared = true;
    const second = reader.read('postgres');
    expect(second.compared).toBeUndefined();
    expect(second.terms).toEqual(first.terms);
  });

  it('GIVEN words that are keys of every object THEN plain unknown words', () => {
    for (const word of ['constructor', 'tostring', 'hasownproperty', 'proto', 'valueof']) {
      expect(() => reader.read(word)).not.toThrow();
    }
  });
});
