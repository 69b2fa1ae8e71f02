import { describe, expect, it } from 'vitest';
import { createAnswerer } from '../../src/answer/engine.ts';
import { isEverydayName, isOffTopicWord, offTopicPhrases } from '../../src/answer/offtopic.ts';
import { answeredId, answerer, content } from './support.ts';

describe('a technology name among words the content never uses', () => {
  it.each([
    ['why does nestjs want me to declare providers in every module, so much ceremony', 'frameworks'],
    ['honest question: is devops something you hire for or something everybody does', 'servers-deployment'],
    ['can somebody explain the python GIL to me like im tired', 'programming-languages'],
    ['kubernets keeps evicting my pods for no reason i can see', 'servers-deployment'],
    ['our graphql schema is turning into spaghetti, any tips', 'apis'],
    ['what is oauth2 in a nutshell', 'security'],
    ['nest.js or express for a small team that likes structure', 'frameworks'],
  ])('GIVEN %j THEN a confident %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });
});

describe('everyday phrasing of a topic', () => {
  it.each([
    ['everything users save is gone whenever the server reboots', 'databases'],
    ['the checkout page looks broken on my screen, buttons all over the place', 'frontend-basics'],
    ['how can the billing team call our service from their own code', 'apis'],
    ['is it a problem that we keep passwords in plain text', 'security'],
    ['my reviewer says my comments sound harsh, how do i phrase them better', 'communication'],
    ['no idea why this cron job dies at night, how do i even investigate', 'problem-solving'],
    ['our api falls over whenever a newsletter goes out and traffic spikes', 'servers-deployment'],
    ['how would you explain backend to your grandparents', 'faq-what-backend-developers-do'],
    ['the submit buttons overlap on small screens', 'frontend-basics'],
    ['we logged api keys in plain sight for a month, what should we do', 'security'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });
});

describe('FAQ or skill', () => {
  it.each([
    ['which language should i pick for my first backend job', 'faq-best-language'],
    ['how do promises and the event loop work in node', 'programming-languages'],
    ['is frontend or backend harder to get into', 'faq-frontend-vs-backend'],
    ['html vs css, which one does the layout', 'frontend-basics'],
    ['what skills do companies look for in a junior backend dev', 'faq-required-skills'],
    ['is 70k a fair offer for a junior backend role', 'faq-salary'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });
});

describe('off-topic messages that contain a tech word', () => {
  it.each([
    'can someone reset my okta password, i got locked out again',
    'is the standup moved to 11 today',
    'can someone restart the office printer server',
    'where can i buy a python plushie for my niece',
    'who is ordering the kubernetes-themed cake for the launch party',
    'anyone fancy a java roast from the new cafe',
    'the git workshop room is double booked, where do we go',
    'how do i train a model on our support tickets with pytorch',
    'my second monitor goes black when i undock my laptop',
    'what time is the all hands',
    'is slack down for anyone else or just me',
    'which laptop should i buy for my dad',
    'when do we get paid this month, is it the 25th',
  ])('GIVEN %j THEN no confident answer', (question) => {
    expect(answerer.answer(question).tier).not.toBe('confident');
  });
});

describe('off-topic cues', () => {
  it('GIVEN words of office life, food, travel or other fields THEN cues; tech words THEN not', () => {
    for (const word of ['printer', 'lunch', 'hotel', 'pytorch', 'figma', 'vacation']) {
      expect(isOffTopicWord(word)).toBe(true);
    }
    for (const word of ['laptop', 'server', 'docker', 'database', 'cookies', 'beans', 'trip']) {
      expect(isOffTopicWord(word)).toBe(false);
    }
  });

  it('GIVEN idioms of IT help, scheduling or travel THEN cues; round trips to the database THEN not', () => {
    expect(offTopicPhrases('can you reset my vpn password')).not.toEqual([]);
    expect(offTopicPhrases('is standup moved to monday')).not.toEqual([]);
    expect(offTopicPhrases('planning a trip to lisbon')).not.toEqual([]);
    expect(offTopicPhrases('too many round trips to the database')).toEqual([]);
    expect(offTopicPhrases('let users reset their password')).toEqual([]);
  });

  it('GIVEN a name that is also everyday English THEN it is flagged, a plain technology name is not', () => {
    expect(isEverydayName('spring')).toBe(true);
    expect(isEverydayName('java')).toBe(true);
    expect(isEverydayName('kubernetes')).toBe(false);
    expect(isEverydayName('nestjs')).toBe(false);
  });
});

describe('calibration', () => {
  it('GIVEN a strict confidence threshold THEN even a strong name is only a suggestion', () => {
    const strict = createAnswerer(content, { calibration: { confident: 5 } });
    const result = strict.answer('why does nestjs want me to declare providers in every module');
    expect(result.tier).toBe('unsure');
    expect(result.suggestions[0]?.entry.id).toBe('frameworks');
  });
});
