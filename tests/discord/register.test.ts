import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { INVITE_PERMISSIONS, inviteUrl, registerCommands } from '../../adapters/discord/register.ts';
import { servedCommands } from '../../src/commands/catalog.ts';
import { childEnvironment } from '../../src/config.ts';
import { Secret } from '../../src/secret.ts';
import { type FakeDiscord, startFakeDiscord } from '../fakes/discord/index.ts';
import { ROOT } from '../support/process.ts';

let fake: FakeDiscord | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** Run `npm run discord:register`'s script with `env` (Discord variables blank unless given). */
function register(
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/discord-register.ts'], {
    cwd: ROOT,
    env: childEnvironment({ DISCORD_TOKEN: '', DISCORD_API_URL: '', DISCORD_GUILD_ID: '', ...env }),
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

/** A subcommand as Discord receives it (type 1), with its string options (type 3). */
interface Subcommand {
  name: string;
  options?: Array<{ name: string; type: number; required?: boolean; autocomplete?: boolean }>;
}

const ADMINISTRATOR = 1n << 3n;
const MENTION_EVERYONE = 1n << 17n;

describe('npm run discord:register', () => {
  it('registers the commands to DISCORD_GUILD_ID and prints a least-privilege invite link', async () => {
    fake = await startFakeDiscord();
    const run = await register({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_GUILD_ID: fake.ids.guild,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const put = fake.rest.requests.find((r) => r.method === 'PUT');
    expect(put?.path).toBe(`/applications/${fake.ids.bot}/guilds/${fake.ids.guild}/commands`);
    expect(put?.body.map((c: { name: string }) => c.name)).toEqual(['skills', 'skills-admin']);
    const [skills, admin] = (put?.body ?? []) as Array<{ options: Subcommand[] }>;
    expect(skills?.options.map((o) => o.name)).toEqual(
      servedCommands()
        .filter((c) => c.audience === 'everyone')
        .map((c) => c.name),
    );
    const settings = admin?.options.find((o) => o.name === 'settings');
    expect(settings?.options).toEqual([
      expect.objectContaining({ name: 'timezone', type: 3, required: false, autocomplete: true }),
      expect.objectContaining({
        name: 'days',
        choices: [
          { name: 'weekdays', value: 'weekdays' },
          { name: 'daily', value: 'daily' },
        ],
      }),
    ]);
    const schedule = admin?.options.find((o) => o.name === 'schedule');
    expect(schedule?.options?.map((o) => [o.name, o.autocomplete ?? false])).toEqual([
      ['time', false],
      ['timezone', true],
      ['days', false],
    ]);
    const skill = skills?.options.find((o) => o.name === 'skill');
    expect(skill?.options).toEqual([
      expect.objectContaining({ name: 'name', required: true, autocomplete: true }),
    ]);
    expect(run.stdout).toContain(inviteUrl(fake.ids.bot));
    const link = new URL(run.stdout.split('\n').find((l) => l.startsWith('https://')) ?? '');
    expect(link.searchParams.get('scope')).toBe('bot applications.commands');
    const permissions = BigInt(link.searchParams.get('permissions') ?? '0');
    expect(permissions).toBe(INVITE_PERMISSIONS);
    expect(permissions).toBe(274_877_991_936n);
    expect(permissions & ADMINISTRATOR).toBe(0n);
    expect(permissions & MENTION_EVERYONE).toBe(0n);
  });

  it('registers globally without DISCORD_GUILD_ID', async () => {
    fake = await startFakeDiscord();
    const registration = await registerCommands(
      { token: new Secret(fake.token), apiUrl: fake.apiUrl },
      servedCommands(),
    );
    expect(registration).toEqual({
      applicationId: fake.ids.bot,
      guildId: undefined,
      commands: ['skills', 'skills-admin'],
    });
    expect(fake.rest.requests.find((r) => r.method === 'PUT')?.path).toBe(
      `/applications/${fake.ids.bot}/commands`,
    );
  });

  it('stops with a clear message when DISCORD_TOKEN is missing', async () => {
    const run = await register({});
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/DISCORD_TOKEN is not set/);
    expect(run.stdout).toBe('');
  });
});
