import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // One throwaway PostgreSQL server for the run (each PostgreSQL test file makes its own database).
    // And the answering model trained once, into its cache, before the files that start the bot.
    globalSetup: ['tests/support/postgres-global.ts', 'tests/support/model-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // Two cores: keep heavy process-spawning drills from starving each other.
    maxWorkers: 2,
  },
});
