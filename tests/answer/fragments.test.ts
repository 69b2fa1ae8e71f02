import { describe, expect, it } from 'vitest';
import { answeredId, answerer } from './support.ts';

describe('what people paste: error names, log lines and commands', () => {
  it.each([
    ['pod went OOMKilled again overnight', 'servers-deployment'],
    ['kubectl describe pod shows Back-off restarting failed container', 'servers-deployment'],
    ['EADDRINUSE: address already in use :::8080 after a restart', 'servers-deployment'],
    ['chmod 777 on the uploads folder, fine or terrible?', 'servers-deployment'],
    ['Lock wait timeout exceeded; try restarting transaction', 'databases'],
    ['duplicate key value violates unique constraint on the email column', 'databases'],
    [
      "ENOENT: no such file or directory, open './config.json' and i have no clue where it looks",
      'problem-solving',
    ],
    ['git reset --hard HEAD~1 and now my work is gone', 'version-control'],
    ['git push -f to a shared branch, how bad', 'version-control'],
    ['panic: runtime error: invalid memory address or nil pointer dereference', 'programming-languages'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });
});

describe('quoted syntax: SQL, HTTP headers, CSS properties, annotations, operators', () => {
  it.each([
    ["SELECT * FROM users WHERE email LIKE '%@gmail.com' is crawling", 'databases'],
    ['what does GROUP BY actually do with the other columns', 'databases'],
    ['should i set Cache-Control: max-age on my json responses', 'apis'],
    ["what's the point of an ETag header", 'apis'],
    ['Access-Control-Allow-Origin: * on an api that uses cookies, is that ok', 'security'],
    ['align-items: center vs justify-content: center, i always mix them up', 'frontend-basics'],
    ['box-sizing: border-box, why does everyone put it at the top of the css', 'frontend-basics'],
    ['@Autowired on a field vs constructor injection', 'frameworks'],
    ["what's the deal with @Transactional not rolling back", 'frameworks'],
    ['whats the difference between == and === in js', 'programming-languages'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it('GIVEN "UPDATE:" at the start of a chat message THEN it is not read as SQL', () => {
    expect(answeredId(answerer.answer('UPDATE: the cake is in the kitchen'))).toBeUndefined();
  });
});

describe('names in company', () => {
  it.each([
    // Two names of one entry weighed against each other outvote a stronger name elsewhere.
    ['nest vs plain express for a team of 5 starting a new ts backend, thoughts?', 'frameworks'],
    ['spring or quarkus for a java microservice', 'frameworks'],
    ['is the django or fastapi community bigger', 'frameworks'],
  ])('GIVEN the comparison %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it('GIVEN "go" next to a word only the language takes THEN the language', () => {
    expect(answeredId(answerer.answer('how do you structure a go project'))).toBe('programming-languages');
    expect(answeredId(answerer.answer('shall we go ahead with the offsite'))).toBeUndefined();
  });
});

describe('wording that used to slip through', () => {
  it.each([
    // A word that is a key of every JavaScript object is still just a word.
    ['why does my constructor run twice in this java class', 'programming-languages'],
    ['prototype pollution via __proto__ in a node api, how worried should i be', 'security'],
    // HTTPS is not several HTTPs.
    ['do i need https for an internal tool', 'security'],
    // Logging people out is authentication, not logs.
    ['how long should a session last before we log people out', 'security'],
    // "something's" is "something", not an unknown word diluting the question.
    ["how do you stay calm and methodical when something's broken in prod", 'problem-solving'],
    // A filler word inside a phrase: "first backend job" is a first job.
    [
      'i just started my first backend job and i feel like i know nothing, what should i focus on',
      'faq-become-backend-developer',
    ],
    // An off-topic word that only says when ("before vacation") does not veto the topic.
    ['hand off my work before vacation, what should the doc include', 'communication'],
  ])('GIVEN %j THEN %s', (question, id) => {
    expect(answeredId(answerer.answer(question))).toBe(id);
  });

  it.each([
    'the water cooler queue in the lobby backs up every morning lol',
    'my laptop password expired and now i cant log into outlook, who resets it',
    'which container do compost scraps go in, green or brown?',
    'did anyone else get the phishing test email from IT lol',
    'how do i change my profile picture in slack',
    "there's rust all over my bike chain after the rain",
    // Everyday names in company make a topic only when nothing points elsewhere.
    'the express train or the rails pass for the trip',
  ])('GIVEN the off-topic %j THEN no confident answer', (question) => {
    expect(answerer.answer(question).tier).not.toBe('confident');
  });
});
