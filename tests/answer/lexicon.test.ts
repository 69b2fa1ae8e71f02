import { describe, expect, it } from 'vitest';
import { findPhrases, LEXICON_GROUPS, lexiconTerms, lexiconWord, stemsOf } from '../../src/answer/lexicon.ts';
import { isGenericWord, isStopWord, stem } from '../../src/answer/normalize.ts';
import { buildVocabulary } from '../../src/answer/vocabulary.ts';
import { answeredId, answerer, content } from './support.ts';

const vocabulary = buildVocabulary(content.entries);

/** The entries an index term names outright (strength 1: a title or alias word). */
function namedBy(term: string): string[] {
  return content.entries
    .filter((e) => (vocabulary.strengths.get(e.id)?.get(term) ?? 0) >= 1)
    .map((e) => e.id);
}

describe('the lexicon', () => {
  it('GIVEN every group THEN its anchors name exactly one entry, the same one', () => {
    const wrong = LEXICON_GROUPS.flatMap(([anchors]) => {
      const entries = new Set(stemsOf(anchors).flatMap(namedBy));
      return entries.size === 1 ? [] : [`${anchors} -> ${[...entries].join(', ') || 'nothing'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('GIVEN the terms THEN several hundred, at least 40 for every skill', () => {
    const terms = lexiconTerms();
    expect(terms.length).toBeGreaterThanOrEqual(1000);
    const perEntry = new Map<string, number>();
    for (const term of terms) {
      for (const id of new Set(term.anchors.flatMap(namedBy))) perEntry.set(id, (perEntry.get(id) ?? 0) + 1);
    }
    for (const entry of content.entries.filter((e) => e.kind === 'skill')) {
      expect(perEntry.get(entry.id) ?? 0, entry.id).toBeGreaterThanOrEqual(40);
    }
  });

  it('GIVEN a single-word term THEN it is neither a stop word nor an everyday filler word', () => {
    const bad = lexiconTerms()
      .filter((t) => t.stems.length === 1)
      .filter((t) => isStopWord(t.text) || isGenericWord(t.text))
      .map((t) => t.text);
    expect(bad).toEqual([]);
  });

  it('GIVEN a phrase and the words in it THEN the longer phrase wins ("media query" is CSS)', () => {
    const [hit] = findPhrases(stemsOf('is that a media query thing'));
    expect(hit?.term.text).toBe('media query');
    expect(hit?.term.anchors).toEqual([stem('css')]);
    expect(lexiconWord('divs')?.anchors).toEqual([stem('css')]);
    expect(lexiconWord('lunch')).toBeUndefined();
  });
});

describe('a technical term amid chatter', () => {
  it.each([
    ['span or div for a badge next to a heading? asking for a colleague', 'frontend-basics'],
    ['my recursive function never hits its base case, brain is melting', 'data-structures-algorithms'],
    [
      'support says a user named himself <script>alert(1)</script> and now it pops up on the admin page',
      'security',
    ],
    [
      'our build steps depend on each other, how can i tell if there is a cycle before running them',
      'data-structures-algorithms',
    ],
    ['python person for years, now i am on a kotlin team, what trips people up', 'programming-languages'],
    ['two workers read the same stock count and both decrement it, one write gets lost', 'databases'],
    ['how do i stop a regular user from calling the admin endpoints', 'security'],
    ['someone pushed the aws secret key to github last night, what do we do first', 'security'],
    ["the css flex container won't wrap its items on small phones", 'frontend-basics'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it.each([
    ['recurssion vs loops, which is easier to debug', 'data-structures-algorithms'],
    ['is javscript single threaded or not', 'programming-languages'],
    ['kubernetis keeps restarting my pods', 'servers-deployment'],
    ['how do i add an index to a databse table', 'databases'],
    ['authetication vs authorization in one sentence', 'security'],
  ])('GIVEN the misspelt %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });
});

describe('FAQ or skill, by intent', () => {
  it.each([
    ['sorry, total beginner: what does backend actually mean', 'faq-what-backend-developers-do'],
    ['is a backend job mostly coding or mostly meetings', 'faq-what-backend-developers-do'],
    ['fe or be for someone just starting out, which should i pick', 'faq-frontend-vs-backend'],
    ['reading backend job posts, which skills are must have', 'faq-required-skills'],
    ['what is the number one language for backend work', 'faq-best-language'],
    ['how do generics work in go compared to java', 'programming-languages'],
    ['moving from ruby to go next month, what will feel different', 'programming-languages'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });
});

describe('off-topic chat that names a technology', () => {
  it.each([
    'is there a kubernetes meetup with free pizza this week',
    'anyone want a python plushie from the conference',
    'can someone reset my okta password, locked out again',
    'java coffee tasting in the kitchen at 3',
    'there is rust all over my bike chain',
    'can you merge the two cake orders for friday',
    'how do i get admin rights to install spotify',
    'how do i merge two pdfs into one',
    'the docker sticker on my laptop is peeling off',
    'should i play chess or go this weekend',
  ])('GIVEN %j THEN no confident answer', (question) => {
    expect(answerer.answer(question).tier).not.toBe('confident');
  });

  it('GIVEN more technical terms than off-topic cues THEN answered anyway', () => {
    const question = 'our fe dev is on vacation and the button needs centering, flexbox or margin auto?';
    expect(answeredId(answerer.answer(question))).toBe('frontend-basics');
  });
});
