/** Payroll dates, lost company devices, accounting and legal questions belong to other people. */
import { describe, expect, it } from 'vitest';
import { answerer } from './support.ts';

describe('company admin is refused, while the skill it sounds like is still answered', () => {
  it.each([
    'when will our salaries be paid, the bank holiday is on friday',
    'lost my work phone with the authenticator app on it, who can help',
    'do we book the accruals for the cloud hosting bill this month or next',
    'should we talk to a lawyer before naming the service after a trademark',
  ])('GIVEN %j THEN an honest refusal', (question) => {
    expect(answerer.answer(question).tier).not.toBe('confident');
  });

  it.each([
    ['how much do backend devs get paid compared to frontend', 'faq-salary'],
    ['someone stole a laptop with our prod db password in a .env file, what do we rotate', 'security'],
  ])('GIVEN %j THEN %s', (question, id) => {
    const result = answerer.answer(question);
    expect(result.tier).toBe('confident');
    expect(result.best?.entry.id).toBe(id);
  });
});
