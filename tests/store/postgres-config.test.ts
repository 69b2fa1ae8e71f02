import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

const URL_WITH_PASSWORD = 'postgres://skillbot:hunter2-very-secret@db.internal:5432/skillbot';

describe('DATABASE_URL', () => {
  it('GIVEN no DATABASE_URL THEN the data file is the store', () => {
    expect(loadConfig({}).databaseUrl).toBeUndefined();
  });

  it('GIVEN a PostgreSQL URL THEN it is kept as a secret that never prints', () => {
    const config = loadConfig({ DATABASE_URL: URL_WITH_PASSWORD });
    expect(config.databaseUrl?.reveal()).toBe(URL_WITH_PASSWORD);
    expect(JSON.stringify(config)).not.toContain('hunter2');
    expect(String(config.databaseUrl)).not.toContain('hunter2');
  });

  it.each(['mysql://skillbot:hunter2-very-secret@db/skillbot', 'hunter2-very-secret', 'postgres://'])(
    'GIVEN %s THEN start-up stops naming the variable, without echoing it',
    (value) => {
      let error: unknown;
      try {
        loadConfig({ DATABASE_URL: value });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('DATABASE_URL');
      expect(message).toContain('postgres://');
      expect(message).not.toContain('hunter2');
    },
  );
});
