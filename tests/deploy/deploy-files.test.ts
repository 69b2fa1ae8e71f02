import { readFileSync } from 'node:fs';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { parseDockerfile } from './harness/dockerfile.ts';
import { parseServiceUnit } from './harness/unit.ts';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

describe('Dockerfile', () => {
  const stages = parseDockerfile(read('Dockerfile'));
  const runtime = stages.at(-1)?.instructions ?? [];

  it('builds in one stage and runs compiled JavaScript with node, not npm, in another', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    expect(stages[0]?.instructions).toContainEqual({ op: 'RUN', command: 'npm run build' });
    // With npm start's memory flags (README, Performance).
    expect(runtime.find((i) => i.op === 'CMD')).toEqual({
      op: 'CMD',
      argv: ['node', '--max-semi-space-size=8', '--expose-gc', 'dist/src/main.js'],
    });
  });

  it('runs as a non-root user and checks /healthz', () => {
    const user = runtime.find((i) => i.op === 'USER');
    expect(user?.op === 'USER' && user.user).not.toMatch(/^(root|0)$/);
    const health = runtime.find((i) => i.op === 'HEALTHCHECK');
    expect(health?.op === 'HEALTHCHECK' && health.argv.join(' ')).toContain('/healthz');
  });
});

describe('compose.yaml', () => {
  // gray-matter's YAML parser, fed the compose file as front matter.
  const compose = matter(`---\n${read('compose.yaml')}\n---\n`).data as {
    services: Record<string, { env_file?: string; volumes?: string[]; environment?: Record<string, string> }>;
  };

  it('runs the bot with PostgreSQL, .env loading and a data volume', () => {
    const bot = compose.services.skillbot;
    expect(Object.keys(compose.services)).toEqual(expect.arrayContaining(['skillbot', 'postgres']));
    expect(bot?.env_file).toBe('.env');
    expect(bot?.environment?.DATABASE_URL).toMatch(/^postgres:\/\/.+@postgres:5432\//);
    expect(bot?.volumes?.some((v) => v.endsWith(':/app/data'))).toBe(true);
  });
});

describe('systemd unit', () => {
  it('starts node directly and does not restart on a configuration error (exit 78)', () => {
    const unit = parseServiceUnit(read('deploy/skillbot.service'));
    expect(unit.execStart.slice(0, 2)).toEqual(['/usr/bin/env', 'node']);
    expect(unit.restartPreventExitStatus).toContain('78');
    expect(unit.user).toBeDefined();
  });
});
